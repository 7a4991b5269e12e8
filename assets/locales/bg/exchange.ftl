# rounds — български: CSV импорт и експорт, пакети за синхронизация

import-problem = ред { $line }: колона { $column }: { $what }
import-refused = { $count ->
    [one] файлът има { $count } грешен ред; нищо не е импортирано:
   *[other] файлът има { $count } грешни реда; нищо не е импортирано:
}
import-empty = празно, изисква се стойност
import-bad-date = не е дата: "{ $value }" (използвайте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)
import-bad-number = не е число: "{ $value }"
import-negative = отрицателно: "{ $value }" (трябва да е 0 или повече)
import-not-whole = не е цяло число: "{ $value }"
import-missing-column = липсва задължителна колона (проверете заглавния ред)
import-no-header = файлът е празен (няма заглавен ред)
import-cannot-read = { $path } не може да се прочете: { $reason }
import-bad-csv = файлът не може да се прочете като CSV: { $reason }
import-unknown-store = непознат код на обект "{ $code }" (първо импортирайте обектите)
import-unknown-product = непознат код на продукт "{ $code }" (първо импортирайте продуктите)
import-unknown-order = непозната поръчка "{ $code }"
import-bad-channel = непознат канал "{ $value }" (използвайте visit, phone, email или messenger)
import-zero-case-pack = кашон от 0 бройки (трябва да е 1 или повече)
import-due-before-date = падежът е преди датата на фактурата
import-to-before-from = промоцията приключва, преди да е започнала
import-done = { $kind }: прочетени редове { $rows }; нови { $created }, променени { $changed }, без промяна { $unchanged }
import-progress = { $rows } реда, { $rate } реда/с
import-summary = { $kind }: { $rows } реда за { $seconds } с ({ $rate } реда/с)
import-dry-run = пробно изпълнение: нищо не е записано
import-reps-created = { $count ->
    [one] създаден е { $count } нов търговец (без ПИН)
   *[other] създадени са { $count } нови търговци (без ПИН)
}
import-bad-encoding = непознато кодиране "{ $name }" (използвайте utf-8 или windows-1251)
import-bad-delimiter = непознат разделител "{ $name }" (използвайте ; , или tab)

sync-exported = { $count ->
    [one] { $count } запис е записан в { $file }
   *[other] { $count } записа са записани в { $file }
} (промени { $from }–{ $to }, получател { $dest })
sync-nothing-new = няма нищо ново за { $dest } от последния експорт; в { $file } е записан празен пакет
sync-imported = { $file }: записи { $records } от устройство { $device }; приложени { $applied }, вече актуални { $kept }
sync-refused = { $file } е отхвърлен: { $reason }
sync-truncated = пакетът е непълен (копирайте го отново)
sync-damaged = пакетът е повреден: контролната сума не съвпада (копирайте го отново)
sync-not-bundle = това не е пакет за синхронизация на rounds
sync-newer-format = пакетът е във формат { $found }, по-нов от поддържания от тази версия на rounds ({ $supported }); инсталирайте по-нова версия на rounds
sync-schema-mismatch = пакетът е създаден от rounds със схема на базата { $found }, а тази е { $ours }; използвайте една и съща версия на rounds на двете устройства
sync-forbidden-tree = пакетът опитва да запише "{ $tree }", което не е вид запис; отхвърлен
sync-bad-record = запис { $number } от пакета ({ $tree } { $key }) { $reason }; пакетът е отхвърлен и нищо не е приложено
sync-record-undecodable = не се чете като запис { $tree } от схема на базата { $schema } ({ $detail })
sync-record-wrong-key = е записан под ключа на друг запис (по съдържанието му ключът е { $expected })
sync-record-future = носи час { $at }, повече от ден напред спрямо часовника на този компютър ({ $now }); проверете датата и часа на компютъра, който го е изпратил
sync-not-a-folder = { $dir } не е папка (създайте я или проверете пътя)
sync-watch-start = следене на { $dir } за пакети (Ctrl-C за спиране)
sync-watch-done = { $file }: импортиран, преместен в done/
sync-watch-failed = { $file }: неуспешен, преместен във failed/: { $reason }
outbox = за изпращане: { $count ->
    [one] { $shown } неекспортиран запис
   *[other] { $shown } неекспортирани записа
}
import-zero-shelf-life = срок на годност 0 дни (трябва да е 1 или повече)
import-zero-buy-qty = количество за покупка 0 (трябва да е 1 или повече)
import-ean-used = вече се използва от { $sku } (при сканиране трябва да се намира един продукт)
import-duplicate = същият код като на ред { $line } (оставете един от двата реда)
import-too-large = твърде голямо: "{ $value }" (най-много { $max })
import-control-character = управляващ знак в код: "{ $value }"
import-zero-frequency = посещение на всеки 0 дни (трябва да е 1 или повече)
import-duplicate-column = колоната се среща два пъти, като колони { $first } и { $second } (оставете една)
import-more-errors = { $count ->
    [one] … и още { $shown } грешка
   *[other] … и още { $shown } грешки
}
import-thousands-separator = {"\u00A0"}
import-lat-without-lon = lat и lon се дават заедно: и двете или нито едно
import-opens-closes = opens и closes се дават заедно (ЧЧ:ММ), или колоната hours
import-bad-audience = "{ $value }" не е аудитория; пишете all, loyal, trusted или loyal_or_trusted
import-bad-country = "{ $value }" не е държава, чиито празници rounds знае (RU, BG, RO, GB)
