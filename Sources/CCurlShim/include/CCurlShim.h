#ifndef REPAT_CCURLSHIM_H
#define REPAT_CCURLSHIM_H

#include <curl/curl.h>
#include <stdint.h>

// Typed, non-variadic wrappers for libcurl's variadic entry points, which Swift cannot call.
// One wrapper per argument type, so a Swift caller cannot pass a long where curl expects a pointer.
// Every symbol is prefixed `repat_`. Swift owns all the logic; these only forward.

#pragma clang assume_nonnull begin

/// Signature of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION callbacks.
typedef size_t (*repat_curl_data_callback)(char *_Nullable data, size_t size, size_t nmemb, void *_Nullable userdata);

CURLcode repat_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode repat_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode repat_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *_Nullable value);
CURLcode repat_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *_Nullable value);
CURLcode repat_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *_Nullable value);
CURLcode repat_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, repat_curl_data_callback _Nullable callback);

CURLcode repat_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode repat_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode repat_curl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void *_Nullable *_Nonnull value);
CURLcode repat_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char *_Nullable *_Nonnull value);

/// Signature of CURLMOPT_SOCKETFUNCTION: curl asks to watch `socket` for `what` (CURL_POLL_*).
typedef int (*repat_curl_socket_callback)(CURL *easy, curl_socket_t socket, int what, void *_Nullable userdata, void *_Nullable socketdata);
/// Signature of CURLMOPT_TIMERFUNCTION: curl asks to be called back in `timeout_ms` (-1: never).
typedef int (*repat_curl_timer_callback)(CURLM *multi, long timeout_ms, void *_Nullable userdata);

CURLMcode repat_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLMcode repat_curl_multi_setopt_pointer(CURLM *multi, CURLMoption option, void *_Nullable value);
CURLMcode repat_curl_multi_setopt_socket_callback(CURLM *multi, repat_curl_socket_callback callback);
CURLMcode repat_curl_multi_setopt_timer_callback(CURLM *multi, repat_curl_timer_callback callback);

#pragma clang assume_nonnull end

#endif
