#ifndef REPAT_CCURL_SHIM_H
#define REPAT_CCURL_SHIM_H
#include <curl/curl.h>
#endif
