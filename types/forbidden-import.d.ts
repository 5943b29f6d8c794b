// Resolved in place of `electron` and `better-sqlite3` for the renderer and shared/ projects:
// it exports nothing, so any import of them there fails to type-check. The renderer reaches the
// backend only through the typed API client; shared/ stays pure.
export {};
