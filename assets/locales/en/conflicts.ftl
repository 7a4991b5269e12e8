# Concurrent edits: the conflict log and removals.

conflicts-none = No open conflicts.
conflicts-head = Open conflicts: { $count }. The value that stayed, and the one that lost to it
conflicts-line = { $id }  { $kind } { $code } · { $field }
conflicts-kept = kept: { $value }  ({ $by }, { $device }, { $at })
conflicts-lost = lost: { $value }  ({ $by }, { $device }, { $at })
conflicts-settled = Conflict { $id } settled: { $field } = { $value }.
conflicts-supervisor-only = Only a supervisor settles conflicts; log in with --user NAME.
conflicts-choose = Say what to keep: --keep kept, --keep lost, or --value TEXT.
conflicts-removed-field = removed
conflicts-title = Conflicts
conflicts-typing = New value for { $field }: { $text }▏  (Enter saves, Esc cancels)
conflicts-mark = ⚠ { $count } conflicting edits on this store: a supervisor settles them
removed-count = { $count } removed.
removed-none = Nothing to remove: { $codes } not found.
key-conflicts = conflicts
key-keep-value = keep
key-take-lost = take lost
key-type-value = type
