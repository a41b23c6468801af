## Layout
site-name = KAZLOD гранттар порталы
site-short = KAZLOD гранттары
site-tagline = ЕО–Қазақстан · Жергілікті дамуды қолдау
skip-to-content = Негізгі мазмұнға өту
nav-main = Негізгі мәзір
nav-login = Кіру
nav-logout = Шығу
nav-register = Тіркелу
nav-account = Жеке кабинет
nav-users = Пайдаланушылар
nav-outbox = Шығыс хаттар
nav-audit = Аудит журналы
language-switch = Тіл
language-browser = Браузер баптаулары бойынша
footer-funded = Бұл бағдарламаны Еуропалық Одақ қаржыландырады (DCI-ASIE/2010/020-609 қаржылық келісімі).
footer-times = Барлық уақыт Алматы уақытымен (UTC+5) көрсетілген.

## Common words
save = Сақтау
status = Күйі
created = Құрылған күні
filter-all = Барлығы
filter-apply = Сүзгіні қолдану
list-empty = Көрсетуге дерек жоқ.
list-total = { $count ->
   *[other] { $count } жазба
}
pager-label = Беттер
pager-prev = Алдыңғы
pager-next = Келесі
pager-position = { $pages } беттің { $page }-беті

## Roles
role-applicant = Өтініш беруші
role-evaluator = Бағалаушы
role-delegation = ЕО Өкілдігінің қызметкері
role-auditor = Аудитор
role-admin = Әкімші

## Home
home-title = KAZLOD бағдарламасының өтінімдер конкурстары
home-lead = Мұнда Қазақстанның үкіметтік емес ұйымдары мен жергілікті атқарушы органдары (әкімдіктер) жергілікті дамуға арналған ЕО гранттарына өтінім береді; бағалаушылар өтінімдерді бағалайды, ал Еуропалық Одақ Өкілдігі гранттарды береді және әрбір грант беру туралы келісімшарттың орындалуын қадағалайды.
home-welcome = Қош келдіңіз, { $name }.
home-register = Өтініш беруші ретінде тіркелу
home-programme-heading = Бағдарлама туралы
home-programme-text = «Қазақстан Республикасында жергілікті дамуды қолдау» бағдарламасын Еуропалық Одақ 15 млн EUR көлемінде қаржыландырады. Гранттарға екі бағыт бойынша ең көбі 3 млн EUR бөлінеді.
home-envelope-oblasts-title = Пилоттық облыстар
home-envelope-oblasts-text = Маңғыстау, Қызылорда және Шығыс Қазақстан облыстарындағы мемлекеттік емес субъектілер мен жергілікті атқарушы органдардың (әкімдіктердің) бастамалары.
home-envelope-national-title = Ұлттық деңгей
home-envelope-national-text = Бүкіл Қазақстан бойынша жергілікті дамудағы азаматтық қоғамның рөлін күшейту.
home-cofinancing-title = Бірлесіп қаржыландыру
home-cofinancing-text = Өтініш берушілер қаржыландыруға жарамды шығындардың кемінде 10%-ын өздері қамтамасыз етеді; грант беру туралы келісімшарттардың мерзімі — 48 айға дейін.

## Form fields
field-email = Электрондық пошта мекенжайы
field-display-name = Аты-жөні
field-password = Құпиясөз
field-new-password = Жаңа құпиясөз
field-current-password = Қазіргі құпиясөз
field-role = Рөл
field-language = Тіл
field-token-name = Токен атауы
password-hint = Кемінде 15 таңба. Бір-бірімен байланысы жоқ бірнеше сөз жақсы әрі есте оңай сақталатын құпиясөз болады; кең тараған құпиясөздерді, сондай-ақ өз атыңызды немесе электрондық пошта мекенжайыңызды пайдаланбаңыз.

## Registration and login
register-title = Өтініш берушінің есептік жазбасын құру
register-intro = Бір рет тіркеліңіз; ұйымыңыз туралы мәліметтер мен өтінімдерді кейін қосасыз. Электрондық пошта мекенжайыңызды растау үшін сізге сілтеме жібереміз.
register-submit = Есептік жазба құру
register-have-account = Бұрын тіркелдіңіз бе?
check-email-title = Электрондық поштаңызды тексеріңіз
check-email-register = Егер { $email } мекенжайын тіркеуге болатын болса, біз оған растау сілтемесін жібердік. Есептік жазбаңызды белсендіру үшін сілтемені ашыңыз.
check-email-reset = Егер { $email } мекенжайына тіркелген есептік жазба бар болса, біз оған жаңа құпиясөз таңдауға арналған сілтеме жібердік. Сілтемені бір сағат ішінде бір рет қана пайдалануға болады.
check-email-spam = Бірнеше минуттан кейін де хат келмеді ме? «Спам» қалтасын тексеріңіз немесе әрекетті қайталаңыз.
confirm-title = Электрондық пошта мекенжайыңызды растаңыз
confirm-intro = Электрондық пошта мекенжайыңызды растап, есептік жазбаңызды белсендіру үшін түймені басыңыз.
confirm-submit = Электрондық пошта мекенжайымды растау
link-problem-title = Бұл сілтемені пайдалану мүмкін емес
link-problem-new-reset = Жаңа сілтеме сұрау
login-title = Кіру
login-submit = Кіру
login-forgot = Құпиясөзді ұмыттыңыз ба?
login-no-account = Әлі есептік жазбаңыз жоқ па?
forgot-title = Құпиясөзді қалпына келтіру
forgot-intro = Есептік жазбаңыздың электрондық пошта мекенжайын енгізіңіз. Біз сізге жаңа құпиясөз таңдауға арналған сілтеме жібереміз; оны бір сағат ішінде бір рет қана пайдалануға болады.
forgot-submit = Сілтемені жіберу
reset-title = Жаңа құпиясөз таңдаңыз
set-password-title = Құпиясөзіңізді таңдаңыз
reset-for = { $email } есептік жазбасы үшін.
reset-submit = Құпиясөзді сақтау

## Account
account-title = Жеке кабинет
account-member-since = Тіркелген күні
account-last-login = Соңғы кіру
account-profile = Профиль
account-password = Құпиясөз
account-change-password = Құпиясөзді өзгерту
account-sessions = Сеанстар
account-sessions-text = Енді пайдаланбайтын басқа компьютерден немесе телефоннан жүйеге кірген едіңіз бе? Қалған барлық сеанстарды аяқтаңыз; осы сеанс ашық қалады.
account-logout-everywhere = Басқа барлық құрылғылардан шығу
account-tokens = API токендері
account-tokens-text = Бағдарламалар жеке токен арқылы порталдың JSON API интерфейсін пайдалана алады. Токенді құпиясөз сияқты сақтаңыз; қажет болмай қалғанда оның күшін жойыңыз.
account-no-tokens = Сізде API токендері жоқ.
account-create-token = Токен құру
account-token-created = Жаңа токеніңіз тек қазір ғана көрсетіледі. Оны көшіріп алып, қауіпсіз жерде сақтаңыз:
token-prefix = Басталуы
token-last-used = Соңғы рет пайдаланылды
token-revoke = Күшін жою
token-revoked = Күші жойылды: { $when }

## Administration
users-title = Пайдаланушылар
users-invite = Пайдаланушыны шақыру
users-search = Аты-жөні немесе электрондық пошта
user-status-active = Белсенді
user-status-disabled = Бұғатталған
user-status-unconfirmed = Электрондық пошта расталмаған
invite-title = Пайдаланушыны шақыру
invite-intro = Пайдаланушыға құпиясөз таңдауға арналған сілтемесі бар хат келеді. Сілтеме 7 күн бойы жарамды.
invite-submit = Шақыру жіберу
user-change-role = Рөл
user-access = Қолжетімділік
user-disable = Осы есептік жазбаны бұғаттау
user-disable-text = Бұғатталған пайдаланушы жүйеден бірден шығарылады, жүйеге кіре алмайды және оның API токендерінің күші жойылады. Ол жасаған ешнәрсе жойылмайды.
user-disabled-text = Бұл есептік жазба бұғатталған.
user-enable = Осы есептік жазбаны бұғаттан шығару
user-history = Тарих
outbox-title = Шығыс хаттар
outbox-intro = Портал жіберетін әрбір хат алдымен осы кезекке қойылып, фондық режимде жіберіледі; пошта сервері қолжетімсіз болса, жіберу әрекеті қайталанады.
mail-to = Алушы
mail-subject = Тақырып
mail-attempts = Әрекеттер саны
mail-detail = Мәліметтер
mail-status-queued = Кезекте
mail-status-sent = Жіберілді
mail-status-failed = Жіберілмеді
mail-sent-at = Жіберілді: { $when }
mail-next-attempt = Келесі әрекет: { $when }
mail-retry = Қайталау
audit-title = Аудит журналы
audit-intro = Порталда енгізілген барлық өзгерістер ең ертесінен ең соңғысына дейін тізбекке жазылады; бұл тізбекке кез келген рұқсатсыз араласу байқалады. Мұнда ең жаңалары алдымен көрсетіледі.
audit-when = Уақыты
audit-actor = Кім
audit-action = Әрекет
audit-object = Нысан
audit-object-type = Нысан түрі
audit-object-id = Нысан идентификаторы
audit-details = Толық мәліметтер
audit-address = Мекенжай
audit-from = Басталу күні
audit-until = Аяқталу күні

## Messages after an action
flash-email-confirmed = Электрондық пошта мекенжайыңыз расталды. Енді жүйеге кіре аласыз.
flash-logged-out = Сіз жүйеден шықтыңыз.
flash-logged-out-everywhere = Қалған барлық сеанстар аяқталды.
flash-password-changed = Құпиясөзіңіз өзгертілді. Қалған сеанстар аяқталды.
flash-password-set = Құпиясөзіңіз сақталды. Енді сол құпиясөзбен жүйеге кіріңіз.
flash-profile-saved = Профиліңіз сақталды.
flash-token-revoked = Токеннің күші жойылды.
flash-role-changed = Рөл өзгертілді. Пайдаланушының ашық сеанстары аяқталды.
flash-user-disabled = Есептік жазба бұғатталды.
flash-user-enabled = Есептік жазба бұғаттан шығарылды.
flash-user-invited = Шақыру { $email } мекенжайына жіберілді.
flash-mail-requeued = Хат қайтадан кезекке қойылды.

## Errors
error-title-400 = Сұрауды түсіну мүмкін болмады
error-title-401 = Жүйеге кіріңіз
error-title-403 = Қолжетімділік жоқ
error-title-404 = Бет табылмады
error-title-405 = Әрекетке рұқсат жоқ
error-title-413 = Деректер тым көп
error-title-429 = Әрекеттер тым көп
error-title-500 = Қате орын алды
error-title-503 = Уақытша қолжетімсіз
error-back-home = Басты бетке оралу
error-request-id = Осы қатенің анықтамалық нөмірі:
error-bad-request = Сұрауды түсіну мүмкін болмады.
error-unauthorized = Бұл үшін жүйеге кіру қажет.
error-forbidden = Бұл әрекетті орындауға құқығыңыз жоқ. Егер құқығыңыз болуы керек деп санасаңыз, портал әкімшісіне хабарласыңыз.
error-not-found = Мұндай бет жоқ немесе оны көруге рұқсатыңыз жоқ.
error-method-not-allowed = Бұл бетті осылай пайдалануға болмайды.
error-payload-too-large = Жіберген деректеріңіздің көлемі тым үлкен.
error-too-many-requests = Әрекеттер тым көп. Бір минут күтіп, қайталап көріңіз.
error-internal = Біздің тарапымызда күтпеген қате орын алды. Ол тіркелді; кейінірек қайталап көріңіз.
error-unavailable = Портал қазір дерекқорға қосыла алмай тұр. Бірнеше минуттан кейін қайталап көріңіз.
error-validation = Кейбір өрістерді тексеру қажет.
error-invalid-form = Форманы оқу мүмкін болмады. Бетті қайта жүктеп, қайталап көріңіз.
error-invalid-json = JSON сұрау денесін оқу мүмкін болмады немесе онда белгісіз не қайталанатын өрістер бар.
error-invalid-query = Мекенжайда белгісіз немесе жарамсыз параметрлер бар.
error-required = Бұл өрісті толтыру міндетті.
error-email-invalid = Дұрыс электрондық пошта мекенжайын енгізіңіз, мысалы: name@example.kz.
error-email-taken = Бұл электрондық пошта мекенжайымен тіркелген есептік жазба бұрыннан бар.
error-name-too-long = Аты-жөні тым ұзын (ең көбі 120 таңба).
error-name-invalid = Аты-жөнінде рұқсат етілмеген таңбалар бар.
error-password-too-short = Құпиясөз кемінде 15 таңбадан тұруы керек.
error-password-too-long = Құпиясөз тым ұзын (ең көбі 256 таңба).
error-password-common = Бұл құпиясөз тым кең тараған және оны табу оңай. Басқасын таңдаңыз.
error-password-personal = Құпиясөзде сіздің атыңыз, электрондық пошта мекенжайыңыз немесе порталдың атауы болмауы керек.
error-current-password-wrong = Қазіргі құпиясөз дұрыс емес.
error-login-invalid = Электрондық пошта мекенжайы немесе құпиясөз дұрыс емес.
error-login-throttled = Кіру әрекеттері тым көп. Бірнеше минут күтіңіз немесе құпиясөзді қалпына келтіріңіз.
error-login-unconfirmed = Электрондық пошта мекенжайыңыз әлі расталмаған. Сізге жаңа растау сілтемесін жібердік.
error-login-disabled = Бұл есептік жазба бұғатталған. Портал әкімшісіне хабарласыңыз.
error-link-invalid = Бұл сілтеме жарамсыз. Хаттағы сілтемені толығымен көшіріңіз немесе жаңасын сұраңыз.
error-link-used = Бұл сілтеме бұрын пайдаланылған. Қажет болса, жаңасын сұраңыз.
error-link-expired = Бұл сілтеменің мерзімі өтіп кеткен. Жаңасын сұраңыз.
error-role-invalid = Тізімдегі рөлдердің бірін таңдаңыз.
error-token-name-invalid = Токен атауы ең көбі 80 таңбадан тұруы және жол ауыстыруларсыз болуы керек.
error-last-admin = Бұл жағдайда порталда бірде-бір белсенді әкімші қалмайды.
error-cannot-disable-self = Өз есептік жазбаңызды бұғаттай алмайсыз.

## Emails
email-greeting = Құрметті { $name }!
email-footer = KAZLOD гранттар порталы — ЕО–Қазақстан «Жергілікті дамуды қолдау» бағдарламасы. Бұл хат автоматты түрде жіберілді; оған жауап бермеуіңізді сұраймыз.
email-confirm-email-subject = Электрондық пошта мекенжайыңызды растаңыз
email-confirm-email-body = KAZLOD гранттар порталында тіркелгеніңіз үшін рахмет. Электрондық пошта мекенжайыңызды растау үшін мына сілтемені ашыңыз ({ $hours } сағат бойы жарамды):

    { $link }

    Егер сіз тіркелмеген болсаңыз, бұл хатқа мән бермеңіз.
email-reset-password-subject = Құпиясөзді қалпына келтіру
email-reset-password-body = Біреу сіздің есептік жазбаңыздың құпиясөзін қалпына келтіруді сұрады. Мына сілтеме арқылы жаңа құпиясөз таңдаңыз; оны { $minutes } минут ішінде бір рет қана пайдалануға болады:

    { $link }

    Егер мұны сіз сұрамаған болсаңыз, бұл хатқа мән бермеңіз: құпиясөзіңіз өзгеріссіз қалады.
email-invitation-subject = Сіз KAZLOD гранттар порталына шақырылдыңыз
email-invitation-body = KAZLOD гранттар порталында сіз үшін «{ $role }» рөлімен есептік жазба ашылды. Мына сілтеме арқылы құпиясөзіңізді таңдаңыз ({ $hours } сағат бойы жарамды):

    { $link }
email-already-registered-subject = Сізде есептік жазба бұрыннан бар
email-already-registered-body = Біреу KAZLOD гранттар порталында осы электрондық пошта мекенжайымен тіркелуге әрекеттенді, алайда бұл мекенжайға есептік жазба бұрыннан тіркелген. Мына жерден кіріңіз:

    { $login_link }

    Құпиясөзіңізді ұмыттыңыз ба? Жаңасын мына жерден таңдаңыз: { $reset_link }
email-password-changed-subject = Құпиясөзіңіз өзгертілді
email-password-changed-body = KAZLOD гранттар порталындағы есептік жазбаңыздың құпиясөзі жаңа ғана өзгертілді, ал қалған сеанстарыңыз аяқталды. Егер мұны сіз жасамаған болсаңыз, құпиясөзді дереу қалпына келтіріп, портал әкімшісіне хабарлаңыз.

## Common words (calls)
back = Артқа
edit = Өңдеу
delete = Жою
remove = Алып тастау
unlimited = шектеусіз
almaty-time = Алматы уақытымен
months-range = { $min }–{ $max } ай
time-left-days = { $days } күн { $hours } сағ қалды
time-left-hours = { $hours } сағ { $minutes } мин қалды
nav-calls = Өтінімдер конкурстары
nav-programmes = Бағдарламалар
nav-manage-calls = Конкурстарды басқару
home-open-calls = Ашық өтінімдер конкурстары
home-no-open-calls = Қазір ашық өтінімдер конкурсы жоқ. Дайын болу үшін алдын ала тіркеліп, өзіңізді қызықтыратын конкурстарға жазылыңыз.
home-all-calls = Барлық конкурстар, оның ішінде алдағы және жабылған конкурстар

## Programme timeline
programmes-title = Бағдарламалар
programmes-none = Әзірге бағдарлама жоқ.
programme-new = Жаңа бағдарлама
programme-edit = Бағдарламаны өңдеу
programme-reference = Қаржылық келісімнің нөмірі
programme-title-field = Атауы
programme-d = Күшіне енген күні (D)
programme-d-hint = Қаржылық келісімге соңғы тарап қол қойған күн. Бағдарламаның барлық мерзімдері осы күннен бастап есептеледі.
programme-d-amend-only = бағдарлама мерзімдері тек тіркелген өзгеріс арқылы ғана өзгертіледі.
programme-total = Жалпы бюджет
programme-total-eur = Жалпы бюджет (EUR)
programme-grant-budget = Гранттар бюджеті (қаржы пакеттерінің сомасы)
programme-budget = Болжамды бюджет
programme-envelopes = Гранттарға арналған қаржы пакеттері
programme-calls = Өтінімдер конкурстары
programme-dates = Бағдарлама мерзімдері
programme-next-reports = Басқарушы комитетке берілетін алдағы есептер (TL-07)
lines-hint = Бюджеттің әр бабы үшін бір жол: атауы | EUR-мен сомасы.
envelopes-hint = Гранттарға арналған әр қаржы пакеті үшін бір жол: атауы | EUR-мен сомасы. Барлық конкурстардың қаржы пакеттері бірге алғанда осы пакеттердің жалпы сомасынан аспауы тиіс.
timeline-title = Бағдарламаның уақыт кестесі
timeline-caption = Кезеңдер күшіне енген күннен бастап есептелген; осьтегі нүктелер — Басқарушы комитетке 6 ай сайын берілетін есептер; қызыл сызық — бүгінгі күн.
timeline-today = Бүгін
timeline-entry-into-force = Күшіне енген күні (D)
timeline-call-launch-deadline = Конкурстарды жариялаудың соңғы күні
timeline-contracting-deadline = Келісімшарттарға қол қоюдың соңғы күні
timeline-sunset-check = Келісімшарт жасалмаса, автоматты түрде тоқтатылады
timeline-operational-end = Операциялық іске асыру кезеңінің аяқталуы
timeline-execution-end = Орындау кезеңінің аяқталуы
timeline-decommitment = Пайдаланылмаған қаражат бойынша міндеттемелерді алып тастау
timeline-steering-report = Басқарушы комитетке берілетін есеп
timeline-band-operational = Операциялық іске асыру кезеңі
timeline-band-closure = Жабу кезеңі
timeline-band-contracting = Келісімшарттар жасасу кезеңі
countdown-next = Келесі мерзім
countdown-days = { $days ->
   *[other] { $days } күн
}
countdown-until = мерзімге дейін:
countdown-warn-60 = 60 күннен аз қалды.
countdown-warn-30 = 30 күннен аз қалды: қалған қадамдарды қазір жоспарлаңыз.
countdown-warn-7 = Бір аптадан аз уақыт қалды!
sunset-warning = Егер { $date } күнге дейін бірде-бір келісімшартқа қол қойылмаса және бірде-бір төлем жасалмаса, қаржылық келісім автоматты түрде тоқтатылады (TL-09).
amendments-title = Өзгерістер
amendments-none = Тіркелген өзгеріс жоқ.
amendment-new = Өзгерісті тіркеу
amendment-intro = Бағдарлама мерзімі тек қол қойылған қосымша келісім негізінде ғана өзгертіледі. Оны осында тіркеңіз: бұрынғы және жаңа күндер көрініп тұрады, ал өзгеріс аудит журналына жазылады.
amendment-date = Өзгертілетін мерзім
amendment-currently = қазір: { $date }
amendment-new-date = Жаңа күні
amendment-effective-on = Күшіне енетін күні
amendment-effective-hint = Бүгіннен бастап кемінде 3 айдан кейін (TL-06). Мерзімді ұзарту туралы сұрау кезең аяқталғанға дейін кемінде 3 ай бұрын берілуі тиіс.
amendment-effective = күшіне енеді: { $date }
amendment-addendum = Қол қойылған қосымша келісімнің нөмірі
amendment-reason = Себебі
amendment-change = Өзгеріс
amendment-recorded = Тіркеген
amendment-record = Өзгерісті тіркеу
amendable-call_launch_deadline = Конкурстарды жариялаудың соңғы күні (TL-01)
amendable-operational_end = Операциялық іске асыру кезеңінің аяқталуы (TL-03)
amendable-execution_end = Орындау кезеңінің аяқталуы (TL-04)

## Calls
calls-title = Өтінімдер конкурстары
calls-intro = ЕО–Қазақстан «Жергілікті дамуды қолдау» бағдарламасының өтінімдер конкурстары. Мерзімдер Алматы уақытымен нақты уақыт сәті ретінде белгіленген; мерзім өткеннен кейін берілген өтінім қабылданбайды.
calls-group-open = Қазір ашық
calls-group-upcoming = Алдағы
calls-group-closed = Жабылған
calls-group-cancelled = Күші жойылған
calls-none-open = Қазір ашық конкурс жоқ.
calls-none-upcoming = Алдағы конкурс жоқ.
calls-none-closed = Жоқ.
calls-none-cancelled = Жоқ.
manage-calls-title = Конкурстарды басқару
call-new = Жаңа өтінімдер конкурсы
call-form-title = Өтінімдер конкурсы
call-edit = Конкурсты өңдеу
call-reference = Нөмірі
call-reference-hint = Мысалы, EuropeAid/150123/L/ACT/KZ.
call-title = Атауы
call-description = Сипаттамасы
call-type = Конкурс түрі
call-type-restricted = Шектеулі конкурс
call-type-open = Ашық конкурс
call-type-restricted-help = алдымен тұжырымдамалық жазбалар; толық өтінімдер — шақыру бойынша
call-type-open-help = тұжырымдамалық жазба мен толық өтінім бірге беріледі
call-opens = Өтінімдерді қабылдаудың басталуы
call-opens-hint = Жарияланған сәттен бастап ашу үшін бос қалдырыңыз. Алматы уақыты.
call-opens-at-publication = жарияланған сәттен бастап
call-deadline = Өтінім беру мерзімі
call-deadline-concept = Тұжырымдамалық жазбаларды беру мерзімі
call-deadline-hint = Алматы уақытымен нақты уақыт сәті. Шектеулі конкурстар: қабылдау басталғаннан кейін кемінде 45 күн; ашық конкурстар: 90 күн (әрбір грант 100 000 EUR-дан аспаса, 60 күн).
call-time-left = Қалған уақыт
call-total-envelope = Болжамды сома
call-programme = Бағдарлама
call-lots = Лоттар
call-guidelines = Өтініш берушілерге арналған нұсқаулық
call-no-documents = Әзірге құжат жоқ.
call-clarifications = Сұрақтар мен жауаптар
call-clarification-dates = Сұрақтар қабылданатын соңғы мерзім — { $cutoff }; жауаптарды жариялаудың соңғы мерзімі — { $answers }.
call-no-clarifications = Әзірге бірде-бір жауап жарияланған жоқ.
call-no-questions = Әзірге бірде-бір сұрақ қойылған жоқ.
call-questions-until = Сұрақтар қабылданатын соңғы мерзім
call-answers-by = Жауаптарды жариялаудың соңғы мерзімі
call-published-at = Жарияланған күні
call-public-page = Жалпыға қолжетімді бет
call-staff-view = Қызметкерлерге арналған бет
call-cancelled-on = Күші жойылды ({ $when }):
call-status-draft = Нобай
call-status-published = Жарияланған
call-status-cancelled = Күші жойылған
phase-open = Ашық
phase-upcoming = Алдағы
phase-closed = Жабылған
phase-cancelled = Күші жойылған
lot-label = { $number }-лот
lot-envelope = Қаржы пакеті
lot-envelope-eur = Қаржы пакеті (EUR)
lot-grant = Грант мөлшері
lot-share = Қаржыландыруға жарамды шығындардағы ЕО үлесі
lot-duration = Ұзақтығы
lot-applicants = Кімдер өтінім бере алады
lot-locations = Іске асырылатын жері
lot-add = Лот қосу
lots-none = Әзірге лот жоқ.
lot-form-title = Лот
lot-number = Лот нөмірі
lot-title = Атауы
lot-min-grant = Гранттың ең аз мөлшері (EUR)
lot-max-grant = Гранттың ең көп мөлшері (EUR)
lot-min-share = ЕО үлесінің ең аз мөлшері (%)
lot-max-share = ЕО үлесінің ең көп мөлшері (%)
lot-max-share-hint = Ең көбі 90%: өтініш берушілер шығындардың кемінде 10%-ын бірлесіп қаржыландырады.
lot-min-duration = Ең аз ұзақтығы (ай)
lot-max-duration = Ең көп ұзақтығы (ай)
lot-max-duration-hint = Ең көбі 48 ай.
applicant-type-ngo = Үкіметтік емес ұйымдар
applicant-type-local_authority = Жергілікті атқарушы органдар (әкімдіктер)
applicant-type-research_institute = Ғылыми-зерттеу институттары
applicant-type-international_organisation = Халықаралық ұйымдар
applicant-type-other = Басқа ұйымдар
location-mangystau = Маңғыстау облысы
location-kyzylorda = Қызылорда облысы
location-east_kazakhstan = Шығыс Қазақстан облысы
location-national = Ұлттық деңгей
doc-authentic = түпнұсқа мәтін
doc-for-information = ақпарат үшін
doc-title = Құжаттың атауы
doc-file = Файл
doc-file-hint = PDF, Word (.docx) немесе OpenDocument (.odt), ең көбі { $mb } МБ.
doc-upload = Жүктеп салу
grids-title = Бағалау кестелері
grids-help = Әр бөлім ("1 Жобаның өзектілігі") және әр ішкі критерий ("1.1 Конкурс мақсаттарына сәйкестігі | x2") үшін бір жол. Ішкі критерийлер 1-ден 5-ке дейін бағаланады; "| x2" ішкі критерийдің балын екі рет есептейді; "| carried over" балы тұжырымдамалық жазбадан ауыстырылатын бөлімді белгілейді.
grid-concept = Тұжырымдамалық жазба
grid-full = Толық өтінім
grid-max = ең жоғары балл: { $max }
grid-carried-over = тұжырымдамалық жазбадан ауыстырылған
params-title = Осы конкурстың қағидалары
params-hint = Әдепкі мәндер бағдарлама қағидаларынан алынған; оларды нұсқаулықта басқаша көрсетілген жағдайда ғана өзгертіңіз.
param-restricted-min-days = Шектеулі конкурс: қабылдау басталғаннан өтінім беру мерзіміне дейінгі күндер саны
param-open-min-days = Ашық конкурс: қабылдау басталғаннан өтінім беру мерзіміне дейінгі күндер саны (қалыпты / шағын гранттар)
param-open-min-days-plain = Ашық конкурс: қабылдау басталғаннан өтінім беру мерзіміне дейінгі күндер саны
param-open-small-min-days = Тек шағын гранттарға арналған ашық конкурс: күндер саны
param-small-grant-max = Шағын гранттың жоғарғы шегі (EUR)
param-invitation-min-days = Шақырудан толық өтінім беру мерзіміне дейінгі күндер саны
param-clarification-days = Сұрақтар / жауаптар: өтінім беру мерзіміне дейінгі күндер саны
param-question-cutoff = Сұрақтар өтінім беру мерзіміне осынша күн қалғанға дейін қабылданады
param-answer-deadline = Жауаптар өтінім беру мерзіміне кемінде осынша күн қалғанда жарияланады
param-concept-pass = Тұжырымдамалық жазбаның өту балы
param-shortlist = Қысқа тізімнің шегі (қаржы пакетінің %)
param-assessors = Бір өтінімге бағалаушылар саны
param-divergence = Бағалар алшақтығының шегі (толық өтінім / тұжырымдамалық жазба)
param-divergence-full = Бағалар алшақтығының шегі, толық өтінім (балл)
param-divergence-concept = Бағалар алшақтығының шегі, тұжырымдамалық жазба (балл)
param-capacity = Әлеует бойынша ең төменгі балл (1-бөлім)
param-capacity-one = Әлеует бойынша ішкі критерийге 1 балл қойылса, өтінім қабылданбайды
param-tolerance = Толық өтінім: ЕО жарнасы тұжырымдамалық жазбадағы сомадан ± % шегінде
param-max-applications = Бір ұйымнан берілетін өтінімдер саны (бос болса — шектеусіз)
param-selection = Қаржы пакеті таусылған кездегі іріктеу
selection-strict = қалған өтінімдер резервтік тізімге енгізіледі
selection-fill = қалған сомаға сыйятын шағынырақ өтінімдерге көшу
publish-title = Жариялау
publish-ready = Бәрі дұрыс: конкурсты қазір жариялауға болады.
publish-problems-intro = { $count ->
   *[other] Жарияламас бұрын түзетілуі тиіс мәселелер саны — { $count }:
}
publish-button = Конкурсты жариялау
publish-problem-not-draft = Тек нобайды ғана жариялауға болады.
publish-problem-identity = Конкурстың нөмірі мен атауы болуы тиіс.
publish-problem-launch-deadline = Конкурстар { $date } күнге дейін жариялануы тиіс (TL-01); бұл күн өтіп кетті. Оны ауыстыру үшін бағдарламаға енгізілген өзгерісті тіркеңіз.
publish-problem-no-deadline = Өтінім беру мерзімін белгілеңіз.
publish-problem-submission-period = Өтінім беру мерзімі қабылдау басталғаннан кейін кемінде { $days } күн өткен соң болуы тиіс (CFP-02): ең ерте күні — { $earliest }.
publish-problem-after-contracting = Өтінім беру мерзімі келісімшарттарға қол қоюдың соңғы күнінен кейін келеді (TL-02).
publish-problem-no-lots = Конкурста кемінде бір лот болуы тиіс.
publish-problem-lot-incomplete = { $number }-лот толық толтырылмаған немесе қайшылықты: не жетіспейтінін көру үшін оны ашыңыз.
publish-problem-lot-numbers = Екі лоттың нөмірі бірдей.
publish-problem-grid = Бағалау кестесі ({ $grid }) толық толтырылмаған.
publish-problem-threshold-over-max = Тұжырымдамалық жазбаның өту балы бағалау кестесіндегі ең жоғары балдан жоғары.
publish-problem-parameters-positive = Мерзімдер, бағалаушылар саны және қысқа тізім пайызы оң сан болуы тиіс.
publish-problem-clarification-days = Сұрақтарды қабылдау жауаптарды жариялау мерзімінен бұрын аяқталуы тиіс (өтінім беру мерзіміне дейінгі күндер саны көбірек болуы керек).
publish-problem-tolerance = Рұқсат етілген ауытқу 0-ден 100%-ға дейін болуы тиіс.
publish-problem-max-applications = Өтінімдер санының шегі кемінде 1 болуы немесе бос қалуы тиіс.
publish-problem-selection-mode = Қаржы пакеті таусылған кезде іріктеу қалай жалғасатынын таңдаңыз.
publish-problem-guidelines = Ағылшын тіліндегі нұсқаулықты жүктеп салыңыз: ол түпнұсқа мәтін болып табылады (CFP-08).
publish-problem-over-budget = Осы конкурстың және бағдарламаның басқа конкурстарының қаржы пакеттері ({ $used }) гранттар бюджетінен ({ $budget }) асып кетеді.
grid-problem-empty = Кестеде бірде-бір бөлім жоқ.
grid-problem-section = Әр бөлімнің атауы және кемінде бір ішкі критерийі болуы тиіс.
grid-problem-weight = Ішкі критерий бір немесе екі рет қана есептеледі, одан артық емес.
grid-problem-criterion = Әр ішкі критерийдің атауы болуы тиіс.
grid-problem-duplicate-code = Екі жолдың нөмірі бірдей.
grid-parse-no-title = { $line }-жол: алдымен нөмірді, содан кейін атауын жазыңыз.
grid-parse-bad-code = { $line }-жол: нөмір 1 немесе 1.1 түрінде болуы тиіс.
grid-parse-bad-flag = { $line }-жол: "|" белгісінен кейін тек "x2" (ішкі критерийлер үшін) немесе "carried over" (бөлімдер үшін) жазуға болады.
grid-parse-no-section = { $line }-жол: ішкі критерийдің алдында бөлім жолы болуы тиіс.
grid-parse-wrong-section = { $line }-жол: ішкі критерийдің нөмірі оның үстіндегі бөлімге жатпайды.
cancel-call = Конкурстың күшін жою
cancel-intro = Күшін жою түпкілікті. Конкурсқа жазылғандардың барлығына (және өтінім толтыруды бастаған әрбір өтініш берушіге) себебі көрсетілген хат жіберіледі.
cancel-reason = Себебі
cancel-reason-no_worthy_proposal = Іріктеуге лайық өтінім жоқ
cancel-reason-changed_circumstances = Мән-жайлар өзгерді
cancel-reason-force_majeure = Форс-мажор
cancel-reason-irregularities = Рәсімдегі бұзушылықтар
cancel-explanation = Күшін жоюмен бірге жарияланатын түсіндірме
cancel-confirm = Конкурстың күшін жою
unanswered-questions = Жауап берілмеген сұрақтар
answers-due = жауап беру мерзімі: { $when }
unanswered-warning = { $count ->
   *[other] { $count } сұрақ жауап күтуде;
} жауаптарды жариялаудың соңғы мерзімі — { $when } (CFP-03).
answers-all-in-time = Барлық жауап уақытылы жарияланды.
answers-late = { $count ->
   *[other] { $count } жауап кешігіп жарияланды.
}
qa-question = Сұрақ
qa-answer = Жауап
qa-asked = Сұрақ қойылды: { $when }, авторы: { $who }
qa-published = Жарияланды: { $when }
qa-in-time = уақытылы
qa-late = кешігіп
qa-unanswered = Әлі жауап берілмеген
qa-your-answer = Жауап
qa-answer-hint = Жауап сұрақ қойған адамның аты көрсетілмей, конкурс бетінде бірден жарияланады, ал конкурсқа жазылғандардың барлығына хат жіберіледі. Нұсқаулықтың ережелерін түсіндіріңіз; жекелеген өтініш берушінің талаптарға сәйкестігі туралы пікір білдірмеңіз.
qa-publish = Жауапты жариялау
ask-title = Сұрақ қою
ask-help = Сұрақтар мен жауаптар сіздің атыңыз көрсетілмей, барлығы үшін жарияланады.
ask-label = Сіздің сұрағыңыз
ask-submit = Сұрақты жіберу
ask-closed = Сұрақтар бұдан былай қабылданбайды: соңғы мерзім — { $cutoff }.
ask-login = Сұрақ қою үшін жүйеге кіріңіз
ask-applicants-only = Сұрақты тек өтініш берушілер ғана қоя алады.
follow-title = Осы конкурсқа жазылу
follow-text = Жауап жарияланғанда немесе конкурста өзгеріс болғанда хат алыңыз.
follow-on = Сіз осы конкурсқа жазылғансыз: жауап жарияланғанда немесе конкурста өзгеріс болғанда сізге хат келеді.
follow-start = Жазылу
follow-stop = Жазылымнан бас тарту

## Messages (calls)
flash-programme-saved = Бағдарлама сақталды.
flash-amendment-recorded = Өзгеріс тіркелді.
flash-call-created = Конкурс нобайы бағдарламаның екі лотымен және әдепкі бағалау кестелерімен құрылды.
flash-call-saved = Конкурс сақталды.
flash-call-published = Конкурс жарияланды.
flash-call-not-published = Конкурс жарияланбады: түзетілуі тиіс мәселелер саны — { $count }.
flash-call-cancelled = Конкурстың күші жойылды, оған жазылғандарға хабарлама жіберілуде.
flash-lot-saved = Лот сақталды.
flash-lot-deleted = Лот жойылды.
flash-grids-saved = Бағалау кестелері сақталды.
flash-document-added = Құжат жүктеп салынды.
flash-document-removed = Құжат алып тасталды.
flash-question-sent = Сұрағыңыз жіберілді. Жауап осы бетте жарияланады.
flash-answer-published = Жауап жарияланды, конкурсқа жазылғандарға хат жіберілуде.
flash-following = Сіз осы конкурсқа жазылдыңыз.
flash-unfollowed = Осы конкурсқа жазылымыңыз тоқтатылды.

## Errors (calls)
error-date-invalid = Күнді YYYY-MM-DD форматында енгізіңіз.
error-datetime-invalid = Күн мен уақытты енгізіңіз.
error-amount-invalid = Соманы еуромен енгізіңіз, мысалы: 2 100 000 немесе 2100000,50.
error-amount-positive = Сома нөлден көп болуы тиіс.
error-number-invalid = Бүтін сан енгізіңіз.
error-percent-invalid = 0 мен 100 аралығындағы пайызды енгізіңіз.
error-text-too-long = Мәтін тым ұзын.
error-reference-taken = Бұл нөмір бұрыннан пайдаланылуда.
error-line-format = Әр жолда алдымен атауы, содан кейін "|", содан кейін сомасы болуы тиіс.
error-line-amount = Жолдардың бірінде көрсетілген сома еуромен берілген сан емес.
error-lines-over-total = Бюджет баптарының сомасы жалпы бюджеттен асып кетеді.
error-envelopes-over-total = Қаржы пакеттерінің сомасы жалпы бюджеттен асып кетеді.
error-envelopes-required = Бағдарламада гранттарға арналған кемінде бір қаржы пакеті болуы тиіс.
error-envelopes-below-calls = Қаржы пакеттері бағдарлама конкурстары қазірдің өзінде пайдаланып отырған сомадан аз болып қалады.
error-amendment-notice = Өзгеріс ұсынылған күннен бастап кемінде 3 айдан кейін күшіне енеді (TL-06).
error-amendment-extension-late = Мерзімді ұзарту туралы сұрау кезең аяқталғанға дейін кемінде 3 ай бұрын берілуі тиіс (TL-06).
error-amendment-not-extension = Бұл күнді тек кейінгі мерзімге ғана ауыстыруға болады.
error-amendment-unchanged = Жаңа күн қазіргі күнмен бірдей.
error-amendment-order = Бағдарлама мерзімдерінің реттілігі бұзылады.
error-deadline-before-opening = Өтінім беру мерзімі қабылдау басталғаннан кейін болуы тиіс.
error-call-not-draft = Жарияланған немесе күші жойылған конкурсты өзгертуге болмайды.
error-call-not-published = Конкурс жарияланбаған.
error-call-cancelled = Конкурстың күші жойылған.
error-cancel-reason = Себебін таңдаңыз.
error-questions-closed = Бұл конкурс бойынша сұрақтарды қабылдау аяқталды (CFP-03).
error-already-answered = Бұл сұраққа жауап берілген.
error-lot-number = Лот нөмірі 1 немесе одан көп болуы тиіс.
error-lot-number-taken = Бұл нөмір басқа лотқа берілген.
error-lot-envelope = Қаржы пакеті нөлден көп болуы тиіс.
error-lot-grant-range = Гранттың ең аз мөлшері нөлден көп және ең көп мөлшерден аспауы тиіс.
error-lot-max-over-envelope = Гранттың ең көп мөлшері лоттың қаржы пакетінен аспауы тиіс.
error-lot-share-range = ЕО үлесінің ең аз мөлшері нөлден көп және ең көп мөлшерден аспауы тиіс.
error-lot-share-over-90 = ЕО үлесі ең көбі 90%: өтініш берушілер шығындардың кемінде 10%-ын бірлесіп қаржыландырады (CFP-05).
error-lot-duration-range = Ең аз ұзақтығы кемінде 1 ай болуы және ең көп ұзақтығынан аспауы тиіс.
error-lot-duration-over-48 = Грант беру туралы келісімшарттардың мерзімі ең көбі 48 ай.
error-lot-applicant-types = Кімдер өтінім бере алатынын таңдаңыз.
error-lot-locations = Жобалар іске асырылатын жерді таңдаңыз.
error-upload-empty = Файл бос.
error-upload-too-large = Файлдың көлемі тым үлкен.
error-upload-name = Файл атауында дәл бір кеңейтім болуы тиіс (мысалы, guidelines.pdf).
error-upload-type = Тек PDF, Word (.docx) және OpenDocument (.odt) файлдары қабылданады, әрі кеңейтім файлдың мазмұнына сәйкес келуі тиіс.
error-upload-missing = Тілді және файлды таңдаңыз.

## Emails (calls)
email-call-cancelled-subject = Конкурстың күші жойылды: { $call }
email-call-cancelled-body = { $call } өтінімдер конкурсының күші жойылды.

    Себебі: { $reason }
    { $explanation }

    Толығырақ: { $link }
email-clarification-published-subject = Жаңа жауап жарияланды: { $call }
email-clarification-published-body = { $call } өтінімдер конкурсы бойынша қойылған сұраққа жаңа жауап жарияланды:

    { $link }
email-clarifications-due-subject = Жауап күтіп тұрған сұрақтар: { $call }
email-clarifications-due-body = { $call } өтінімдер конкурсы бойынша { $count ->
   *[other] { $count } сұраққа
} әлі жауап берілмеген. Жауаптар { $when } дейін жариялануы тиіс (Алматы уақыты, CFP-03):

    { $link }
publish-problem-parameters-range = Конкурс ережелерінің бірі рұқсат етілген шектен тыс: мерзімдер 3 650 күнге дейін, басқа сандар 10 000-ға дейін.
lot-programme-envelope = Лот қаржыландырылатын бағдарлама пакеті
publish-problem-lot-envelope = { $number }-лот бағдарламаның қай қаржы пакетінен қаржыландырылатыны көрсетілмеген.
publish-problem-envelope-over = { $position }-пакеттен ({ $envelope }) қаржыландырылатын лоттар оның көлемінен асады; басқа жарияланған конкурстар бұрыннан { $used } пайдаланған.
account-email = Электрондық пошта мекенжайы
account-email-text = Басқа мекенжайды пайдалану үшін оны құпиясөзіңізбен растаңыз; жаңа мекенжайға сілтеме жібереміз, оны ашқанда өзгеріс күшіне енеді.
account-change-email = Электрондық пошта мекенжайын өзгерту
field-new-email = Жаңа электрондық пошта мекенжайы
confirm-change-intro = Жаңа электрондық пошта мекенжайыңызды растау үшін батырманы басыңыз. Бұдан былай осы мекенжаймен кіресіз.
flash-email-change-sent = { $email } мекенжайына растау сілтемесі жіберілді. Оны ашқанда мекенжайыңыз өзгереді.
flash-email-changed = Электрондық пошта мекенжайыңыз өзгертілді.
error-email-unchanged = Бұл қазірдің өзінде сіздің мекенжайыңыз.
email-confirm-email-change-subject = Жаңа электрондық пошта мекенжайыңызды растаңыз
email-confirm-email-change-body = Сіз KAZLOD гранттар порталындағы есептік жазбаңыздың электрондық пошта мекенжайын { $old_email } мекенжайынан осы мекенжайға өзгертуді сұрадыңыз. Мына сілтеме арқылы растаңыз (жарамдылық мерзімі — { $hours } сағ.):

    { $link }

    Егер мұны сіз сұрамасаңыз, бұл хатты елемеңіз.
email-email-changed-subject = Электрондық пошта мекенжайыңыз өзгертілді
email-email-changed-body = KAZLOD гранттар порталындағы есептік жазбаңыздың электрондық пошта мекенжайы { $new_email } болып өзгертілді. Егер мұны сіз жасамасаңыз, дереу портал әкімшісіне хабарласыңыз.
