// The values and protocols both database adapters share: every `import SQLite` sees them as before.
@_exported import SQLInterface
