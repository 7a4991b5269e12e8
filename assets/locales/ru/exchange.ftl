# rounds — русский: импорт и экспорт CSV, пакеты синхронизации

import-problem = строка { $line }: столбец { $column }: { $what }
import-refused = { $count ->
    [one] в файле { $count } ошибочная строка; ничего не импортировано:
    [few] в файле { $count } ошибочные строки; ничего не импортировано:
   *[many] в файле { $count } ошибочных строк; ничего не импортировано:
}
import-empty = пусто, нужно значение
import-bad-date = не дата: «{ $value }» (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)
import-bad-number = не число: «{ $value }»
import-negative = отрицательное: «{ $value }» (должно быть 0 или больше)
import-not-whole = не целое число: «{ $value }»
import-missing-column = нет обязательного столбца (проверьте строку заголовка)
import-no-header = файл пуст (нет строки заголовка)
import-cannot-read = не удаётся прочитать { $path }: { $reason }
import-bad-csv = файл не читается как CSV: { $reason }
import-unknown-store = неизвестный код магазина «{ $code }» (сначала импортируйте магазины)
import-unknown-product = неизвестный код товара «{ $code }» (сначала импортируйте товары)
import-unknown-order = неизвестный заказ «{ $code }»
import-bad-channel = неизвестный канал «{ $value }» (visit, phone, email или messenger)
import-zero-case-pack = упаковка 0 (должна быть 1 или больше)
import-due-before-date = срок оплаты раньше даты счёта
import-to-before-from = акция заканчивается раньше, чем начинается
import-done = { $kind }: прочитано строк: { $rows }; новых { $created }, изменено { $changed }, без изменений { $unchanged }
import-progress = строк: { $rows }, { $rate } строк/с
import-summary = { $kind }: строк { $rows } за { $seconds } с ({ $rate } строк/с)
import-dry-run = пробный прогон: ничего не записано
import-reps-created = { $count ->
    [one] создан { $count } новый представитель (без PIN)
    [few] создано { $count } новых представителя (без PIN)
   *[many] создано { $count } новых представителей (без PIN)
}
import-bad-encoding = неизвестная кодировка «{ $name }» (utf-8 или windows-1251)
import-bad-delimiter = неизвестный разделитель «{ $name }» (; , или tab)

sync-exported = { $count ->
    [one] { $count } запись записана в { $file }
    [few] { $count } записи записаны в { $file }
   *[many] { $count } записей записано в { $file }
} (изменения { $from }–{ $to }, получатель { $dest })
sync-nothing-new = для { $dest } нет ничего нового с прошлой выгрузки; записан пустой пакет { $file }
sync-imported = { $file }: записей { $records } с устройства { $device }; применено { $applied }, уже актуальны { $kept }
sync-refused = { $file } отклонён: { $reason }
sync-truncated = пакет обрезан (скопируйте его ещё раз)
sync-damaged = пакет повреждён: контрольная сумма не совпадает (скопируйте его ещё раз)
sync-not-bundle = это не пакет синхронизации rounds
sync-newer-format = формат пакета { $found } новее, чем понимает эта версия rounds ({ $supported }); установите новую версию
sync-schema-mismatch = пакет записан версией rounds со схемой базы { $found }, у этой — { $ours }; используйте одну версию rounds на обоих устройствах
sync-forbidden-tree = пакет пытается записать «{ $tree }», а это не вид записей; отклонён
sync-bad-record = запись { $number } пакета ({ $tree } { $key }) { $reason }; пакет отклонён, ничего не применено
sync-record-undecodable = не читается как запись { $tree } схемы базы { $schema } ({ $detail })
sync-record-wrong-key = записана под ключом другой записи (по содержимому её ключ { $expected })
sync-record-future = несёт время { $at }, больше чем на сутки впереди часов этого компьютера ({ $now }); проверьте дату и время компьютера, который её отправил
sync-not-a-folder = { $dir } — не папка (создайте её или проверьте путь)
sync-watch-start = слежу за папкой { $dir } (Ctrl-C — остановить)
sync-watch-done = { $file }: импортирован, перемещён в done/
sync-watch-failed = { $file }: ошибка, перемещён в failed/: { $reason }
outbox = к отправке: { $count ->
    [one] { $shown } запись
    [few] { $shown } записи
   *[many] { $shown } записей
}
import-zero-shelf-life = срок годности 0 дней (должен быть 1 или больше)
import-zero-buy-qty = количество для покупки 0 (должно быть 1 или больше)
import-ean-used = уже у товара { $sku } (по штрихкоду должен находиться один товар)
import-duplicate = тот же код, что в строке { $line } (оставьте одну из двух строк)
import-too-large = слишком большое: «{ $value }» (не больше { $max })
import-control-character = управляющий символ в коде: «{ $value }»
import-zero-frequency = визит раз в 0 дней (должно быть 1 или больше)
import-duplicate-column = столбец встречается дважды, как столбцы { $first } и { $second } (оставьте один)
import-more-errors = { $count ->
    [one] … и ещё { $shown } ошибка
    [few] … и ещё { $shown } ошибки
   *[many] … и ещё { $shown } ошибок
}
import-thousands-separator = {"\u00A0"}
import-lat-without-lon = lat и lon указываются вместе: обе или ни одной
import-opens-closes = opens и closes указываются вместе (ЧЧ:ММ), или столбец hours
import-bad-audience = "{ $value }" — не аудитория; пишите all, loyal, trusted или loyal_or_trusted
import-bad-country = "{ $value }" — не страна, чьи праздники знает rounds (RU, BG, RO, GB)
