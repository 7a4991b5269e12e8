# rounds — English: CSV import and export, sync bundles

import-problem = line { $line }: column { $column }: { $what }
import-refused = { $count ->
    [one] the file has { $count } bad row; nothing was imported:
   *[other] the file has { $count } bad rows; nothing was imported:
}
import-empty = empty, a value is required
import-bad-date = not a date: "{ $value }" (use YYYY-MM-DD or DD.MM.YYYY)
import-bad-number = not a number: "{ $value }"
import-negative = negative: "{ $value }" (must be 0 or more)
import-not-whole = not a whole number: "{ $value }"
import-missing-column = missing required column (check the header line)
import-no-header = the file is empty (no header line)
import-cannot-read = cannot read { $path }: { $reason }
import-bad-csv = the file is not readable as CSV: { $reason }
import-unknown-store = unknown store code "{ $code }" (import stores first)
import-unknown-product = unknown product code "{ $code }" (import products first)
import-unknown-order = unknown order "{ $code }"
import-bad-channel = unknown channel "{ $value }" (use visit, phone, email or messenger)
import-zero-case-pack = a case pack of 0 (must be 1 or more)
import-due-before-date = the due date is before the invoice date
import-to-before-from = the promotion ends before it starts
import-done = { $kind }: { $rows } rows read; { $created } new, { $changed } changed, { $unchanged } unchanged
import-progress = { $rows } rows, { $rate } rows/s
import-summary = { $kind }: { $rows } rows in { $seconds } s ({ $rate } rows/s)
import-dry-run = dry run: nothing was written
import-reps-created = { $count ->
    [one] { $count } new rep created (without a PIN)
   *[other] { $count } new reps created (without a PIN)
}
import-bad-encoding = unknown encoding "{ $name }" (use utf-8 or windows-1251)
import-bad-delimiter = unknown delimiter "{ $name }" (use ; , or tab)

sync-exported = { $count ->
    [one] { $count } record written to { $file }
   *[other] { $count } records written to { $file }
} (changes { $from }–{ $to }, destination { $dest })
sync-nothing-new = nothing new for { $dest } since the last export; an empty bundle was written to { $file }
sync-imported = { $file }: { $records } records from device { $device }; { $applied } applied, { $kept } already up to date
sync-refused = { $file } was refused: { $reason }
sync-truncated = the bundle is truncated (copy it again)
sync-damaged = the bundle is damaged: its checksum does not match (copy it again)
sync-not-bundle = not a rounds sync bundle
sync-newer-format = the bundle has format { $found }, newer than this rounds understands ({ $supported }); install a newer rounds
sync-schema-mismatch = the bundle was written by a rounds with database schema { $found }, this one has { $ours }; use the same rounds version on both devices
sync-forbidden-tree = the bundle tries to write "{ $tree }", which is not a kind of record; refused
sync-bad-record = record { $number } of the bundle ({ $tree } { $key }) { $reason }; the bundle was refused and nothing was applied
sync-record-undecodable = does not read as a { $tree } record of database schema { $schema } ({ $detail })
sync-record-wrong-key = is stored under another record's key (its content gives the key { $expected })
sync-record-future = carries a clock of { $at }, more than a day ahead of this computer's clock ({ $now }); check the date and time of the computer that sent it
sync-not-a-folder = { $dir } is not a folder (create it, or check the path)
sync-watch-start = watching { $dir } for bundles (Ctrl-C to stop)
sync-watch-done = { $file }: imported, moved to done/
sync-watch-failed = { $file }: failed, moved to failed/: { $reason }
outbox = outbox: { $count ->
    [one] { $shown } record not exported
   *[other] { $shown } records not exported
}
import-zero-shelf-life = a shelf life of 0 days (must be 1 or more)
import-zero-buy-qty = a buy quantity of 0 (must be 1 or more)
import-ean-used = already used by { $sku } (a scan must find one product)
import-duplicate = the same code as line { $line } (keep one of the two rows)
import-too-large = too large: "{ $value }" (at most { $max })
import-control-character = a control character in a code: "{ $value }"
import-zero-frequency = a visit every 0 days (must be 1 or more)
import-duplicate-column = the column appears twice, as columns { $first } and { $second } (keep one)
import-more-errors = { $count ->
    [one] … and { $shown } more error
   *[other] … and { $shown } more errors
}
import-thousands-separator = ,
import-lat-without-lon = lat and lon go together: give both or neither
import-opens-closes = opens and closes go together: give both (HH:MM), or the hours column
import-bad-audience = "{ $value }" is not an audience; use all, loyal, trusted or loyal_or_trusted
import-bad-country = "{ $value }" is not a country whose holidays rounds knows (RU, BG, RO, GB)
