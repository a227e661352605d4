"""A loopback OpenAI-style server that misbehaves on purpose, for bench/hostile-rss.sh.

Usage: python3 bench/hostile_server.py MODE PORT_FILE

MODE is one of
  silent       reads the request and never answers (repat idles, waiting: the idle baseline)
  polite       a normal 10-token stream, then [DONE]
  endless-line one SSE event whose line never ends: data: {"choices":[{"delta":{"content":"xxxx...
  ignore-max   complete one-token events, as fast as the client reads, never ending

GET requests (repat's reachability check) get a one-model list. The chosen port is written to
PORT_FILE once the server listens. Runs until killed.
"""
import socket
import socketserver
import sys

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
EVENT = b'data: {"choices":[{"index":0,"delta":{"content":"a"}}]}\n\n'
MODELS = b'{"object":"list","data":[{"id":"m","object":"model"}]}'


def read_request(connection):
    """Reads one request head and its Content-Length body; returns the method, or None."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head.split(b" ", 1)[0]


class Handler(socketserver.BaseRequestHandler):
    mode = "polite"

    def handle(self):
        connection = self.request
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                method = read_request(connection)
                if method is None:
                    return
                if method == b"GET":
                    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(MODELS) + MODELS)
                    continue
                if self.mode == "silent":
                    while connection.recv(65536):
                        pass
                    return
                if self.mode == "polite":
                    body = EVENT * 10 + b"data: [DONE]\n\n"
                    connection.sendall(HEAD.replace(b"\r\n\r\n", b"\r\nContent-Length: %d\r\n\r\n" % len(body)) + body)
                    continue
                if self.mode == "endless-line":
                    connection.sendall(HEAD + b'data: {"choices":[{"index":0,"delta":{"content":"')
                    chunk = b"x" * 65536
                else:
                    connection.sendall(HEAD)
                    chunk = EVENT * 1024
                while True:
                    connection.sendall(chunk)
        except OSError:
            return


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    Handler.mode = sys.argv[1]
    with Server(("127.0.0.1", 0), Handler) as server:
        with open(sys.argv[2], "w") as port_file:
            port_file.write(str(server.server_address[1]))
        server.serve_forever()


if __name__ == "__main__":
    main()
