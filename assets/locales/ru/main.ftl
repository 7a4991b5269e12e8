# rounds — русский

key-quit = выход
key-back = назад
key-up = выбор
key-down = вниз
key-page-up = страница вверх
key-page-down = страница вниз
key-top = в начало
key-bottom = в конец
key-open = открыть
key-search = поиск
key-help = справка
key-store-list = магазины
key-next-rep = другой агент
key-prev-rep = пред. агент
key-yes = да
key-no = нет

weekday-mon = понедельник
weekday-tue = вторник
weekday-wed = среда
weekday-thu = четверг
weekday-fri = пятница
weekday-sat = суббота
weekday-sun = воскресенье

never = не было

route-title = Маршрут на сегодня · { $weekday } { $date } · { $rep }
route-no-rep = агент не выбран
route-empty = На сегодня в маршруте нет магазинов.
route-overdue = просрочен на { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
route-planned = по плану
route-stops = { $count ->
    [one] { $count } магазин
    [few] { $count } магазина
   *[many] { $count } магазинов
}
route-overdue-count = просрочено: { $count }

col-store = Магазин
col-city = Город
col-last-visit = Последний визит
col-status = Статус
col-code = Код
col-rep = Агент

stores-title = Магазины ({ $count })
stores-search-hint = Нажмите / для поиска по названию, городу или коду
stores-none = Ничего не найдено.

channel-visit = визит
channel-phone = телефон
channel-email = эл. почта
channel-messenger = мессенджер

card-on-schedule = по графику
card-address = Адрес
card-decision-maker = ЛПР
card-phone = Телефон
card-email = Эл. почта
card-channel = Предпочитаемый канал
card-rep = Агент
card-frequency = Частота визитов
card-every-days = раз в { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
card-weekdays = Дни визита
card-next-due = Следующий визит
card-terms = Условия оплаты
card-terms-value = отсрочка { $days } дн., лимит { $limit }
card-must-stock = Обязательный ассортимент
card-recent-visits = Последние визиты
card-top-sellers = Лидеры продаж за 8 недель (шт.)

visit-submitted = сдан
visit-open = в работе

help-title = Клавиши

demo-offer-title = Добро пожаловать в rounds
demo-offer-text = Данных пока нет. Загрузить демонстрационные данные (магазины, товары, агенты и продажи за год), чтобы попробовать rounds?
demo-offer-yes = загрузить демо
demo-offer-no = начать с пустой базы
demo-declined = База пуста. Импортируйте свои данные или запустите `rounds demo`.
demo-loaded = Демо загружено: магазинов — { $stores }.
demo-not-empty = в каталоге данных { $dir } уже есть данные; `rounds demo --reset` заменит их все демонстрационными
demo-summary = Демо загружено в { $dir }: магазинов — { $stores }, товаров — { $products }, агентов — { $reps }, прошлых визитов — { $visits }.

error-unknown-rep = агента с кодом { $rep } нет; коды агентов есть в `rounds export stores`
error-unknown-store = магазина с кодом { $code } нет
error-no-data-dir = не удалось найти каталог данных пользователя; укажите --data-dir DIR
error-no-database = в { $dir } нет базы rounds; проверьте --data-dir (или ROUNDS_DATA_DIR) либо загрузите данные: `rounds demo` или `rounds import`
route-in-progress = идёт визит
