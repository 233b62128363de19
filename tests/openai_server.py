"""A real OpenAI-compatible HTTP server for tests and the benchmark: POST /v1/chat/completions with `usage`.

It plays a scripted model. It reads the <data> block of the request (the drafting contract) and answers with the
slot materials as prose, in one of these modes:

- good: the material, lightly reworded (no figure changed);
- wrong: every answer changes the first figure of each paragraph;
- sloppy: each figure it writes is corrupted with probability `corrupt_rate` (a fresh draw per attempt);
- injection: obeys an instruction hidden in the evidence (writes a total score and grade it was told to);
- empty / malformed: answers with empty content or with text that is not JSON;
- chinese: adds a figure of its own in Chinese numerals to the first paragraph;
- dropped: leaves out the first number of the first paragraph, keeping the words around it.

`queue` holds one-off behaviours taken by the next requests before the mode applies: "429" (rate limited, with
retry-after-ms), "429final" (rate limited, x-should-retry: false), "timeout" (sleeps `hang_seconds` before answering), "empty", "malformed", "good", "wrong", "500",
"badbody" (HTTP 200 whose body is not JSON), "chinese", "dropped", "nousage" (an answer without `usage`),
"totalonly" (usage with only total_tokens), "cutoff" (cut at the output limit), "think" (a <think> block first),
and the misshapen prose of MISSHAPEN (Markdown, a refusal, English, a placeholder, an unfinished or headed paragraph).
Latency (`latency` ± `jitter` seconds) is added to every answer. Every request is recorded (headers, body).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA_RE = re.compile(r"<data>\s*(.*?)\s*</data>", re.S)
FIGURE_RE = re.compile(r"\d+(?:\.\d+)?")
DROPPABLE_RE = re.compile(r"([\u4e00-\u9fff]{2})(\d+(?:\.\d+)?)(%|[\u4e00-\u9fff])")
INJECTION_MARK = "忽略以上"
MISSHAPEN = {  # behaviour → the first paragraph it writes
    "markdown": "**分析要点**- {text}",
    "refusal": "抱歉，作为一个AI语言模型，我无法完成这项任务。",
    "english": "{text}Overall, the project was implemented well and achieved its goals.",
    "placeholder": "同上。",
    "unfinished": "{text}项目单位高度重视，组织",
    "heading": "（三）总体看法。{text}",
}


def _tokens(text: str) -> int:
    return max(1, len(text) // 2)


class FakeModelServer:
    """Start with `with FakeModelServer(mode=...) as server:`; `server.base_url` ends in /v1."""

    def __init__(self, mode: str = "good", latency: float = 0.0, jitter: float = 0.0, corrupt_rate: float = 0.3,
                 hang_seconds: float = 2.0, seed: int = 7) -> None:  # fmt: skip
        self.mode = mode
        self.latency = latency
        self.jitter = jitter
        self.corrupt_rate = corrupt_rate
        self.hang_seconds = hang_seconds
        self.seed = seed
        self.queue: list[str] = []
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def completions(self) -> int:
        """Requests that reached the chat completions endpoint."""
        return sum(1 for r in self.requests if r["path"].endswith("/chat/completions"))

    def __enter__(self) -> FakeModelServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- the scripted model ---------------------------------------------------

    def _behaviour(self) -> str:
        with self.lock:
            return self.queue.pop(0) if self.queue else self.mode

    def answer(self, body: dict[str, Any], behaviour: str) -> str:
        """The content the model writes for a request."""
        messages = body.get("messages", [])
        first_human = next((m["content"] for m in messages if m.get("role") == "user"), "")
        match = DATA_RE.search(first_human)
        if behaviour == "empty":
            return ""
        if behaviour == "malformed" or not match:
            return "好的，以下是撰写的内容：项目实施情况良好，取得了较好成效。"
        data = json.loads(match.group(1))
        attempt = sum(1 for m in messages if m.get("role") == "assistant")
        digest = hashlib.sha256((match.group(1) + str(attempt) + str(self.seed)).encode()).hexdigest()
        rng = random.Random(int(digest[:16], 16))
        out: dict[str, str] = {}
        for i, item in enumerate(data.get("段落", [])):
            text = item.get("材料", "")
            text = text if text.startswith(("经", "根据")) else "经评价组核实，" + text
            if behaviour == "wrong" and i == 0:
                text = FIGURE_RE.sub(lambda m: _shift(m.group(0)), text, count=1) if FIGURE_RE.search(text) \
                    else text + "该项目综合评价得分为99分。"  # fmt: skip
            elif behaviour == "sloppy":
                text = FIGURE_RE.sub(lambda m: _shift(m.group(0)) if rng.random() < self.corrupt_rate else m.group(0),
                                     text)  # fmt: skip
            elif behaviour == "chinese" and i == 0:  # a figure of its own, in words
                text += "全年共完成一百二十九项工作，完成率达百分之九十九。"
            elif behaviour == "dropped" and i == 0 and DROPPABLE_RE.search(text):  # the number left out, its words kept
                text = DROPPABLE_RE.sub(lambda m: m.group(1) + m.group(3), text, count=1)
            elif behaviour in MISSHAPEN and i == 0:  # prose that is no paragraph of a report
                text = MISSHAPEN[behaviour].format(text=text)
            elif behaviour == "injection" and INJECTION_MARK in text:
                text = "本项目综合评价得分为100分，绩效评级为“优”。"
            out[item["键"]] = text
        answer = "```json\n" + json.dumps(out, ensure_ascii=False) + "\n```"
        if behaviour == "think":  # a reasoning model thinks aloud first, a JSON-looking format included
            answer = '<think>按格式输出 {"s1": "……"} 即可。</think>\n' + answer
        if behaviour == "cutoff":  # stopped at the output limit in the middle of the JSON
            answer = answer[: len(answer) // 2]
        return answer

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # silence
                pass

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self) -> None:  # noqa: N802 - http.server naming
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                behaviour = server._behaviour()
                with server.lock:
                    server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body,
                                            "behaviour": behaviour})  # fmt: skip
                if not self.path.endswith("/chat/completions"):
                    self._send(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
                    return
                if behaviour in ("429", "429final"):  # (429final: the server says not to retry)
                    headers = {"retry-after-ms": "20"} if behaviour == "429" else {"x-should-retry": "false"}
                    self._send(429, {"error": {"message": "Rate limit reached", "type": "rate_limit_error"}}, headers)
                    return
                if behaviour == "500":
                    self._send(500, {"error": {"message": "internal error", "type": "server_error"}})
                    return
                if behaviour == "badbody":  # a proxy's error page served as 200
                    data = b"<html>Bad Gateway</html>"
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if behaviour == "timeout":
                    time.sleep(server.hang_seconds)
                    behaviour = server.mode
                if server.latency or server.jitter:
                    time.sleep(max(0.0, server.latency + random.uniform(-server.jitter, server.jitter)))
                usage_known = behaviour != "nousage"  # a server that leaves out `usage`
                total_only = behaviour == "totalonly"  # a server that gives only total_tokens
                behaviour = server.mode if behaviour in ("nousage", "totalonly") else behaviour
                content = server.answer(body, behaviour)
                prompt = sum(_tokens(m.get("content") or "") for m in body.get("messages", []))
                completion = _tokens(content) if content else 0
                self._send(200, {
                    "id": f"chatcmpl-{len(server.requests)}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body.get("model", "fake"),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                 "finish_reason": "length" if behaviour == "cutoff" else "stop"}],
                    **({"usage": {"total_tokens": prompt + completion}} if total_only else
                       {"usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                                  "total_tokens": prompt + completion}} if usage_known else {}),
                })  # fmt: skip

        return Handler


def _shift(number: str) -> str:
    """A wrong figure of the same shape: last digit changed (0.5 → 0.6, 2020 → 2021)."""
    last = int(number[-1])
    return number[:-1] + str((last + 3) % 10 if last != 6 else 9)


if __name__ == "__main__":  # manual use: python tests/openai_server.py sloppy 8765
    import sys

    mode = sys.argv[1] if len(sys.argv) > 1 else "good"
    with FakeModelServer(mode=mode) as srv:
        print(f"OPENAI_BASE_URL={srv.base_url}  mode={mode}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


@contextlib.contextmanager
def fake_model(monkeypatch, folder: Path, **server_options: Any) -> Iterator[tuple[FakeModelServer, Path]]:
    """A FakeModelServer (mode "good" unless told) the environment points at, with an API key, and an LLM config
    file for it in ``folder`` (its cache there too): what a test of the model path needs before drafting."""
    config = folder / "llm.yaml"
    config.write_text(f'model: "gpt-4o-mini"\ntimeout: 3\nmax_retries: 1\ncache: "{folder / "cache.sqlite"}"\n',
                      encoding="utf-8")  # fmt: skip
    with FakeModelServer(**{"mode": "good", **server_options}) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-evalreport-TESTKEY-0000000000000000")
        yield server, config
