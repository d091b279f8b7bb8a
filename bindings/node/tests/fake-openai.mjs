// A fake OpenAI-protocol server on a loopback port for the generation tests: it records each
// request body and answers as a script says (a text, a refusal, an HTTP status, a delay).
import { createServer } from 'node:http'

/** Starts the fake; `script(body, n)` returns `{ text }`, `{ refusal }`, `{ status }` or
 * `{ hang: true }` for the n-th request (from 0). Resolves to `{ baseUrl, requests, close }`. */
export async function fakeOpenAi(script) {
  const requests = []
  const sockets = new Set()
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => { raw += chunk })
    req.on('end', () => {
      const body = JSON.parse(raw)
      requests.push({ path: req.url, headers: req.headers, body })
      const reply = script(body, requests.length - 1)
      if (reply.hang) return
      if (reply.status) {
        res.writeHead(reply.status, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }))
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 1741569952,
        model: body.model,
        choices: [{
          index: 0,
          message: { role: 'assistant', content: reply.refusal ? null : reply.text, refusal: reply.refusal ?? null },
          finish_reason: 'stop',
        }],
        usage: { prompt_tokens: 1000, completion_tokens: 200, total_tokens: 1200, prompt_tokens_details: { cached_tokens: 600 } },
      }))
    })
  })
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)) })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(resolve)
    }),
  }
}

/** The text of a request's user messages (string or content-block form), joined. */
function userText(body) {
  return (body.messages ?? [])
    .filter((m) => m.role === 'user')
    .map((m) => (typeof m.content === 'string' ? m.content : (m.content ?? []).map((b) => b.text ?? '').join('\n')))
    .join('\n')
}

/** Which part of a program a request asks for, read from the prompt's `TASK:` line:
 * `{ week: n, of: total }` for one week of an incremental generation, `{ outline: true }` for
 * its first step, `{ whole: true }` otherwise. */
export function partOf(body) {
  const text = userText(body)
  const week = /TASK: Write week (\d+) of (\d+)/i.exec(text)
  if (week) return { week: Number(week[1]), of: Number(week[2]) }
  if (/TASK:.*outline only/i.test(text)) return { outline: true }
  return { whole: true }
}
