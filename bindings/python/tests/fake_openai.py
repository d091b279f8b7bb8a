"""A fake LLM on a loopback port speaking the OpenAI chat-completions protocol.

It answers with the built-in planner's program, made through this package first, so no
test needs a network or a model (`reply`, when set, is answered instead: report words, a
coaching suggestion); `mode` switches it to an error status, a refusal, an
answer cut at the output limit (`length`), or a request it holds until released (for
cancellation and timeouts).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import replog

USAGE = {"prompt_tokens": 1200, "completion_tokens": 800, "prompt_tokens_details": {"cached_tokens": 200}}


class FakeOpenAI:
    """`base_url` is the `/v1` root; `requests` the bodies received, in order."""

    def __init__(self, logbook: bytes, request: dict[str, Any]) -> None:
        planned = replog.Generator().generate_sync(logbook, request)
        self.envelope = {"reasoning": planned.reasoning, "catalog": planned.program}
        self.reply: Any = None
        self.mode = "ok"
        self.requests: list[dict[str, Any]] = []
        self.arrived = threading.Event()
        self.release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length))
                fake.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                fake.arrived.set()
                fake.answer(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        if self.mode == "hold":
            self.release.wait(30)
            return self.send(handler, 500, {"error": {"message": "released"}})
        if self.mode.isdigit():
            return self.send(handler, int(self.mode), {"error": {"message": f"status {self.mode}", "type": "fake"}})
        answer = self.envelope if self.reply is None else self.reply
        message: dict[str, Any] = {"role": "assistant", "content": json.dumps(answer)}
        finish = "stop"
        if self.mode == "refusal":
            message = {"role": "assistant", "content": None, "refusal": "I can't help with that."}
        if self.mode == "length":
            # Cut mid-answer, as a model stopped by max_tokens is.
            message = {"role": "assistant", "content": message["content"][:500]}
            finish = "length"
        self.send(
            handler,
            200,
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": 0,
                "model": "gpt-fake",
                "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                "usage": USAGE,
            },
        )

    @staticmethod
    def send(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:
            pass  # the client went away (a cancelled generation)

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
