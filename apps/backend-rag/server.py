"""Reference nuzantara-rag service: /health for deploy checks, /query as a tiny retrieval stand-in."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

DOCUMENTS = {
    "visa": "Indonesian visas: tourist, business, KITAS and KITAP.",
    "company": "PT PMA is a foreign-owned limited liability company in Indonesia.",
    "tax": "Corporate income tax in Indonesia is 22 percent.",
}


class Handler(BaseHTTPRequestHandler):
    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/health":
            self._send(200, {"status": "ok", "service": "nuzantara-rag"})
        elif url.path == "/query":
            q = parse_qs(url.query).get("q", [""])[0].lower()
            hits = [text for key, text in DOCUMENTS.items() if key in q]
            self._send(200, {"query": q, "results": hits})
        else:
            self._send(404, {"error": "not found"})

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8000"))), Handler).serve_forever()
