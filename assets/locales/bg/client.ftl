# Досието на клиента, планът за контакти и думите за риска.
key-pick-6 = избор 6
key-pick-7 = избор 7
key-client-file = досие
key-contact-plan = контакти за днес
key-log-entry = запиши
key-add-person = добави човек
key-edit-person = промени
key-remove-person = премахни
key-switch-pane = хора/история
key-cycle-filter = филтър
key-mark-done = готово
key-snooze = за утре
choice-no = не
choice-yes = да

client-title = { $name } · { $code } · досие на клиента
client-people = Хора ({ $count })
client-no-people = още няма никого: a добавя човек
client-dates = Дати за помнене
client-no-dates = няма в следващите дни
client-timeline = История · { $filter } ({ $count }) · f филтрира
client-nothing-yet = още няма нищо: l записва
client-filter-all = всичко
client-filter-visits = посещения
client-filter-orders = поръчки
client-filter-returns = връщания
client-filter-complaints = оплаквания
client-filter-refusals = откази
client-filter-problems = проблеми
client-filter-contacts = контакти
client-filter-competitors = конкуренти
client-filter-referrals = препоръки
client-at-risk = ⚠ в риск ({ $risk }): { $why }
client-risk = риск { $risk }: { $why }
client-last-purchase = последна покупка: { $date }
client-purchases = Покупки по седмици, последните { $weeks } седм. (клетка = седмица): купувал в { $bought }
client-log-what = Какво да запиша?
client-log-why = Защо?
client-log-channel = Как?
client-log-topic = За какво?
client-log-outcome = Резултат?
client-log-title = Запис (Enter запазва)
client-kind-complaint = оплакване
client-kind-refusal = отказ от покупка
client-kind-problem = проблем
client-kind-contact = контакт
client-kind-competitor = конкурент
client-kind-referral = препоръка
why-product-did-not-fit = продуктът не пасна
why-disliked-staff = не харесаха персонала
why-pushy-selling = натрапчиви продажби
why-quality = качество
why-delivery = доставка
why-price = цена
why-other = друго
topic-offer = оферта
topic-news = новини
topic-event = събитие
topic-greeting = поздрав
topic-problem = проблем
topic-other = друго
outcome-done = готово
outcome-follow-up = да се върна
outcome-declined = отказ
outcome-no-answer = няма отговор
client-field-text = Текст
client-field-due = Срок
client-field-competitor = Конкурент
client-field-referred = Препоръчан обект
client-field-how = Как
client-field-name = Име
client-field-role = Длъжност
client-field-decision-maker = Взема решенията
client-field-phone = Телефон
client-field-email = Имейл
client-field-messenger = Месинджър
client-field-birthday = Рожден ден
client-field-preferred = Предпочитан канал
client-person-add = Нов човек (Enter запазва)
client-person-edit = Промяна (Enter запазва)
client-resolve-title = Реши проблема (Enter запазва)
client-error-required = задължително
client-error-due-past = срокът е минал
client-error-other-needs-text = напишете какво
client-resolve-which = изберете отворен проблем от това досие
client-person-saved = Запазено: { $name }.
client-person-removed = Премахнато.
client-logged = Записано.
client-resolved = Проблемът е решен.
client-remove-title = Премахване
client-remove-ask = Да премахна { $name }? y/n
client-problem-due = проблем · срок { $date }
client-problem-resolved = проблем · решен { $date } ({ $how })
client-row-visit = посещение
client-row-order = поръчка { $number } · { $state } · редове: { $lines }, зачеркнати: { $struck }
client-row-return = връщане: { $name } × { $qty } · { $reason }
client-resolved-on = решен { $date }
client-due-on = срок { $date }
contact-error-name-required = нужно е име
contact-error-name-too-long = името е твърде дълго
contact-error-phone-chars = телефонът има цифри, интервали, ( ) - . и + отпред
contact-error-phone-plus = + само в началото
contact-error-phone-too-short = твърде малко цифри
contact-error-phone-too-long = твърде много цифри
contact-error-email-no-at = имейлът има @
contact-error-email-spaces = имейлът няма интервали
contact-error-email-local = няма нищо преди @
contact-error-email-domain = след @ трябва да има домейн
contact-error-messenger-too-long = името е твърде дълго
contact-error-date-format = дата като 2026-03-08, 08.03.2026 или 08.03
contact-error-date-invalid = няма такава дата
contact-error-date-future = датата е в бъдещето
contact-error-date-too-old = годината е твърде отдавна
contact-error-channel-unreachable = по този канал човекът не може да бъде намерен
date-birthday = рожден ден: { $name }
date-birthday-age = рожден ден: { $name } ({ $age })
date-anniversary = { $years ->
    [one] { $years } година с нас
   *[other] { $years } години с нас
}
plan-title = Контакти за днес · { $date } ({ $count })
plan-empty = Нищо за днес: поздравите, обажданията и проблемите са готови.
plan-today = днес
plan-greet = поздрави: { $what }, { $when }
plan-call-due = обади се: последен контакт преди { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }, на всеки { $every }
plan-call-never = обади се: никога не е търсен
plan-problem-late = проблем просрочен от { $date }: { $text }
plan-problem-due = проблем със срок { $date }: { $text }
plan-at-risk = в риск: { $why }
plan-no-person = няма хора в досието
plan-done-logged = Записано в досието: { $store }.
plan-snoozed = { $store }: до утре.
risk-no-purchase-yet = още няма покупки
risk-single-purchase = една покупка, преди { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }
risk-overdue = няма поръчка от { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }; обикновено на { $usual }
risk-on-rhythm = последна поръчка преди { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }; обикновено на { $usual }
risk-volume-down = купува с { $percent } % по-малко през последните { $weeks } седм.
holiday-new_year = Нова година
holiday-baba_marta = Баба Марта
holiday-liberation_day = Ден на Освобождението
holiday-womens_day = Международен ден на жената
holiday-good_friday = Разпети петък
holiday-orthodox_easter = Великден
holiday-easter_monday = Великденски понеделник
holiday-labour_day = Ден на труда
holiday-st_george_day = Гергьовден
holiday-culture_day = Ден на българската просвета и култура и на славянската писменост
holiday-unification_day = Ден на Съединението
holiday-independence_day = Ден на Независимостта
holiday-christmas_eve = Бъдни вечер
holiday-christmas = Коледа
holiday-christmas_2 = Коледа (втори ден)
holiday-mothering_sunday = Ден на майката (Великобритания)
holiday-western_easter = Великден (западен)
holiday-early_may = Майски почивен ден (Великобритания)
holiday-spring_bank = Пролетен почивен ден (Великобритания)
holiday-summer_bank = Летен почивен ден (Великобритания)
holiday-boxing_day = Ден на подаръците
holiday-new_year_2 = Нова година (втори ден)
holiday-epiphany = Богоявление
holiday-st_john = Свети Йоан Кръстител
holiday-union_day = Ден на обединението на румънските княжества
holiday-martisor = Мърцишор
holiday-childrens_day = Ден на детето
holiday-pentecost = Петдесетница
holiday-pentecost_monday = Свети Дух
holiday-assumption = Успение Богородично
holiday-st_andrew = Андреевден
holiday-national_day = Национален празник на Румъния
holiday-orthodox_christmas = Православна Коледа
holiday-defender_day = Ден на защитника на Отечеството
holiday-victory_day = Ден на победата
holiday-russia_day = Ден на Русия
holiday-unity_day = Ден на народното единство
