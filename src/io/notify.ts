/** Posts a message to a Slack-compatible incoming webhook (`{"text": …}`); best effort, with a timeout. */

export async function notifyWebhook(url: string, text: string, timeoutMs = 10_000): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Drain the body so the connection is released.
  await response.text();
  if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}`);
}
