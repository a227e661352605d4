#ifndef REPAT_CEPOLL_H
#define REPAT_CEPOLL_H
// Linux's epoll and eventfd, which Swift's Glibc module does not export. Header only: the transport
// thread waits on one epoll set for curl's sockets and one eventfd that submitters write to.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
