// The values and protocols both database adapters share, seen by every `import Postgres`.
@_exported import SQLInterface
