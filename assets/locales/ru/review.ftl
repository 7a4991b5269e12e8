# Пользователи, вход, проверка журнала, проверка визитов, показатели и киоск.

key-dashboard = показатели
key-review = проверка визитов
key-comment = комментарий
key-mark-reviewed = отметить проверенным
key-period-longer = период
key-period-back = раньше
key-period-forward = позже
key-filter-status = статус
key-filter-rep = агент
key-logout = заблокировать
key-end-kiosk = выйти из киоска

login-refused = Неверный пользователь или PIN.
login-wait = Слишком много неверных PIN: повторите в { $until }.
login-locked = Пользователь заблокирован после десяти неверных PIN до { $until } или пока супервайзер не разблокирует (`rounds user unlock ИМЯ`).
error-supervisors-only = Это может только супервайзер; войдите как супервайзер: --user ИМЯ.
error-own-visits-only = Агент видит только свои визиты.

user-pin-prompt = Новый PIN для { $name } (4–8 цифр):{" "}
user-pin-again = Тот же PIN ещё раз:{" "}
user-pin-format = PIN — это от 4 до 8 цифр; ничего не сохранено.
user-pin-mismatch = PIN не совпадают; ничего не сохранено.
user-bad-name = Имя пользователя не может быть пустым или содержать управляющие символы.
user-exists = Пользователь { $name } уже есть; PIN меняет `rounds user passwd { $name }`.
user-rep-needs-code = Агенту нужен код агента: --rep КОД (например, --rep R01).
user-added = Пользователь { $name } добавлен ({ $role }).
user-pin-changed = PIN пользователя { $name } изменён.
user-removed = Пользователь { $name } удалён.
user-unknown = Пользователя { $name } нет; список: `rounds user list`.
user-unlocked = { $name } разблокирован.
user-locked = заблокирован

check-audit-ok = Журнал аудита: { $count ->
    [one] { $count } запись, цепочка цела.
    [few] { $count } записи, цепочка цела.
   *[many] { $count } записей, цепочка цела.
}
check-audit-broken = Журнал аудита нарушен на записи { $seq }: { $reason }.
check-kpis-off = Показатели команды расходятся с визитами; `rounds check --repair` пересчитает их.
check-kpis-repaired = Показатели команды пересчитаны по визитам.
check-ok = База данных в порядке.
check-failed = { $count ->
    [one] Найдена { $count } проблема
    [few] Найдено { $count } проблемы
   *[many] Найдено { $count } проблем
}; см. выше.

kpi-bad-period = Период заканчивается ({ $to }) раньше, чем начинается ({ $from }).
kpi-team = Команда
kpi-who = Агент
kpi-visits = Визиты
kpi-compliance = Выполнение
kpi-overdue = Проср
kpi-osa = OSA
kpi-price = Цена
kpi-expired = Проср
kpi-returns = Возвр
kpi-fill = Поставка
kpi-awaiting = ⧗ поставка ещё не наступила: { $lines } строк заказов (не входят в долю поставки)
kpi-draft = Заказ
kpi-per-day = Визиты по дням
dashboard-title = Показатели команды · { $from } – { $to } ({ $days } дн.)

review-title = Проверка · { $count ->
    [one] { $count } визит
    [few] { $count } визита
   *[many] { $count } визитов
}
review-visit-title = Визит · { $store }
review-visit = Визит
review-all = все
review-rep = Агент
review-date = Дата
review-period = Период
review-comments = Ком
review-last-days = последние { $days } дн.
review-empty = Нет визитов по этим фильтрам.
review-status-open = открыт
review-status-submitted = сдан
review-status-amended = исправлен
review-status-reviewed = проверен
review-checked-in = начат
review-submitted-at = сдан
review-amendments = Исправления
review-reviews = Проверка
review-not-yet = Ещё не проверен.
review-nothing = —
review-comments-title = Комментарии
review-reviewed-by = проверил { $by } { $at }
review-comment-prompt = Комментарий (Enter — сохранить, Esc — отмена)
review-comment-saved = Комментарий сохранён.
review-confirm = Отметить визит проверенным? y / n
review-marked = Отмечен как проверенный.
review-bad-id = { $id } — не номер визита; номера показывает `rounds review list`.

kiosk-bar-locked = rounds · офисный киоск · заблокирован
kiosk-bar-user = rounds · { $user }
kiosk-locked-title = Заблокировано: пользователь и PIN
kiosk-end-title = Выход из киоска: PIN супервайзера
kiosk-end-prompt = Киоск закрывается именем и PIN супервайзера.
kiosk-end-supervisor-only = Закрыть киоск может только супервайзер.
kiosk-locked-message = Заблокировано. Введите имя и PIN.
kiosk-user = Пользователь
kiosk-pin = PIN
kiosk-needs-supervisor = Киоску нужен хотя бы один супервайзер (только его PIN закрывает киоск): `rounds user add ИМЯ --role supervisor`.
review-part-audit = Аудит полки
review-part-expiry = Проверка сроков
review-part-returns = Возвраты
review-part-notes = Заметки
dashboard-title-own = Мои показатели · { $from } – { $to } ({ $days } дн.)
