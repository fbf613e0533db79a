// The one-off token of a download link (see components/exports/use-download-status.ts): the server
// answers with a cookie named after it as soon as the file starts, so the page can stop saying
// "Preparing export…". Safe to import from client components.

export const DOWNLOAD_TOKEN_PARAM = "downloadToken";
export const DOWNLOAD_COOKIE_PREFIX = "download-started-";

const TOKEN = /^[a-z0-9]{6,32}$/;

/** The Set-Cookie header for a request's token, or null without a (valid) token. */
export function downloadStartedCookie(url: URL): string | null {
  const token = url.searchParams.get(DOWNLOAD_TOKEN_PARAM);
  if (!token || !TOKEN.test(token)) return null;
  return `${DOWNLOAD_COOKIE_PREFIX}${token}=1; Path=/; Max-Age=300; SameSite=Strict`;
}
