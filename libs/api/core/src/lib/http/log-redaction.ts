/** Paths whose query carries secrets: the platforms' sign-in callback (OAuth codes; WordPress sends an application password). */
const SECRET_QUERY_PATHS = ['/api/oauth/callback'];

/** The request URL as logged: the query of a sign-in callback is left out. */
export function loggableUrl(url: string | undefined): string | undefined {
  if (url === undefined) return url;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return query !== -1 && SECRET_QUERY_PATHS.includes(path) ? `${path}?[redacted]` : url;
}

/** pino-http's `serializers.req`: the standard serialised request, without a sign-in callback's query. */
export function redactRequestSecrets<T extends { url?: string; query?: unknown }>(request: T): T {
  const url = loggableUrl(request.url);
  if (url === request.url) return request;
  return Object.assign(request, { url, query: {} });
}
