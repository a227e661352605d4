#ifndef REPAT_CTIMEX_H
#define REPAT_CTIMEX_H
// The kernel's NTP state (ntp_adjtime, struct timex), which Swift's Glibc module does not
// export. Header only: a shard reads its clock's offset and error bound with it.
#include <sys/timex.h>
#endif
