export const MAX_WEBHOOK_URL_LENGTH = 2000;

/**
 * Why `url` cannot be a webhook by its spelling alone, or undefined: http(s) only, bounded length,
 * no credentials in the URL (deliveries are signed with the webhook secret instead). Shared by the
 * gateway's lab API and the operator CLI; where the URL points is judged by the gateway's address
 * policy, at configuration and again at every delivery.
 */
export function webhookUrlSyntaxProblem(url: string): string | undefined {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) return `longer than ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `must be an http:// or https:// URL, not ${parsed.protocol}`;
  if (parsed.username || parsed.password) return 'must not carry a user name or password (sign with the webhook secret instead)';
  return undefined;
}
