# Потребители, вход, проверка на одита, преглед от супервайзор, табло и киоск (български).

key-dashboard = табло
key-review = преглед на посещения
key-comment = коментар
key-mark-reviewed = прегледано
key-period-longer = период
key-period-back = по-рано
key-period-forward = по-късно
key-filter-status = статус
key-filter-rep = търговец
key-logout = заключи
key-end-kiosk = край на киоска

login-refused = Грешен потребител или ПИН.
login-wait = Твърде много грешни ПИН кодове: опитайте отново в { $until }.
login-locked = Този потребител е заключен след десет грешни ПИН кода до { $until } или докато супервайзор не го отключи (`rounds user unlock NAME`).
error-supervisors-only = Само супервайзор може да направи това; влезте като супервайзор с --user NAME.
error-own-visits-only = Търговецът вижда само своите посещения.

user-pin-prompt = Нов ПИН за { $name } (4-8 цифри):{" "}
user-pin-again = Същият ПИН отново:{" "}
user-pin-format = ПИН кодът е от 4 до 8 цифри; нищо не е запазено.
user-pin-mismatch = Двата ПИН кода се различават; нищо не е запазено.
user-bad-name = Потребителското име не може да е празно или да съдържа управляващи символи.
user-exists = Вече има потребител { $name }; `rounds user passwd { $name }` сменя ПИН кода.
user-rep-needs-code = Търговецът се нуждае от код: --rep CODE (напр. --rep R01).
user-added = Потребителят { $name } е добавен ({ $role }).
user-pin-changed = ПИН кодът на { $name } е сменен.
user-removed = Потребителят { $name } е премахнат.
user-unknown = Няма потребител { $name }; `rounds user list` показва потребителите.
user-unlocked = { $name } е отключен.
user-locked = заключен

check-audit-ok = Одитна следа: { $count ->
    [one] 1 запис, веригата е непокътната.
   *[other] { $count } записа, веригата е непокътната.
}
check-audit-broken = Одитната следа е нарушена при запис { $seq }: { $reason }.
check-kpis-off = Показателите на екипа не съвпадат с посещенията; `rounds check --repair` ги преизчислява.
check-kpis-repaired = Показателите на екипа са преизчислени от посещенията.
check-ok = Базата данни е в ред.
check-failed = { $count ->
    [one] Открит е 1 проблем
   *[other] Открити са { $count } проблема
}; вижте по-горе.

kpi-bad-period = Периодът приключва ({ $to }), преди да е започнал ({ $from }).
kpi-team = Екип
kpi-who = Търговец
kpi-visits = Напр.
kpi-compliance = Изпълн.
kpi-overdue = Закъсн.
kpi-osa = OSA
kpi-price = Цена
kpi-expired = Изтекли
kpi-returns = Връщ.
kpi-fill = Доставка
kpi-awaiting = ⧗ доставката предстои: { $lines } реда от поръчки (не влизат в изпълнението)
kpi-draft = Чернова
kpi-per-day = Посещения на ден
dashboard-title = Табло на екипа · { $from } – { $to } ({ $days ->
    [one] { $days } ден
   *[other] { $days } дни
})

review-title = Преглед · { $count ->
    [one] 1 посещение
   *[other] { $count } посещения
}
review-visit-title = Посещение · { $store }
review-visit = Посещение
review-all = всички
review-rep = Търговец
review-date = Дата
review-period = Период
review-comments = Коментари
review-last-days = последните { $days ->
    [one] { $days } ден
   *[other] { $days } дни
}
review-empty = Няма посещения, отговарящи на филтрите.
review-status-open = отворено
review-status-submitted = изпратено
review-status-amended = коригирано
review-status-reviewed = прегледано
review-checked-in = пристигане
review-submitted-at = изпратено
review-amendments = Корекции
review-reviews = Преглед
review-not-yet = Още не е прегледано.
review-nothing = —
review-comments-title = Коментари
review-reviewed-by = прегледано от { $by } на { $at }
review-comment-prompt = Коментар (Enter — запис, Esc — отказ)
review-comment-saved = Коментарът е запазен.
review-confirm = Да се отбележи ли посещението като прегледано? y / n
review-marked = Отбелязано като прегледано.
review-bad-id = { $id } не е номер на посещение; `rounds review list` показва номерата.

kiosk-bar-locked = rounds · офис киоск · заключен
kiosk-bar-user = rounds · { $user }
kiosk-locked-title = Заключено: потребител и ПИН
kiosk-end-title = Край на киоска: ПИН на супервайзор
kiosk-end-prompt = Име и ПИН на супервайзор прекратяват киоска.
kiosk-end-supervisor-only = Само супервайзор може да прекрати киоска.
kiosk-locked-message = Заключено. Въведете името и ПИН кода си.
kiosk-user = Потребител
kiosk-pin = ПИН
kiosk-needs-supervisor = Киоскът изисква поне един супервайзор (само ПИН на супервайзор го прекратява): `rounds user add NAME --role supervisor`.
review-part-audit = Одит на рафта
review-part-expiry = Проверка на срока на годност
review-part-returns = Връщания
review-part-notes = Бележки
dashboard-title-own = Моите показатели · { $from } – { $to } ({ $days ->
    [one] { $days } ден
   *[other] { $days } дни
})
