## Layout
site-name = KAZLOD grants portal
site-short = KAZLOD grants
site-tagline = EU–Kazakhstan · Support to local development
skip-to-content = Skip to content
nav-main = Main menu
nav-login = Log in
nav-logout = Log out
nav-register = Register
nav-account = My account
nav-users = Users
nav-outbox = Outbox
nav-audit = Audit log
language-switch = Language
language-browser = As my browser prefers
footer-funded = Funded by the European Union (financing agreement DCI-ASIE/2010/020-609).
footer-times = All times are shown in Almaty time (UTC+5).

## Common words
save = Save
status = Status
created = Created
filter-all = All
filter-apply = Filter
list-empty = Nothing to show.
list-total = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
pager-label = Pages
pager-prev = Previous
pager-next = Next
pager-position = Page { $page } of { $pages }

## Roles
role-applicant = Applicant
role-evaluator = Evaluator
role-delegation = EU Delegation staff
role-auditor = Auditor
role-admin = Administrator

## Home
home-title = Calls for proposals of the KAZLOD programme
home-lead = Non-governmental organisations and local authorities of Kazakhstan apply here for EU grants for local development; evaluators score the proposals, and the EU Delegation awards and follows each grant contract.
home-welcome = Welcome, { $name }.
home-register = Register as an applicant
home-programme-heading = The programme
home-programme-text = The programme is financed by the European Union with { $total }. Up to { $grants } go to grants in { $count ->
    [one] one envelope
   *[other] { $count } envelopes
    }.
home-cofinancing-title = Co-financing
home-cofinancing-text = Applicants contribute at least { $share }% of the eligible costs; grant contracts last up to { $months } months.

## Form fields
field-email = Email address
field-display-name = Full name
field-password = Password
field-new-password = New password
field-current-password = Current password
field-role = Role
field-language = Language
field-token-name = Token name
password-hint = At least 15 characters. A few unrelated words make a good, memorable password; avoid common passwords and your own name or email.

## Registration and login
register-title = Create an applicant account
register-intro = Register once; your organisation and applications come later. We will send a link to confirm your email address.
register-submit = Create account
register-have-account = Already registered?
check-email-title = Check your email
check-email-register = We have sent an email to { $email }. Open the link in it to activate your account. If this address already has an account, the email says how to sign in instead.
check-email-reset = If an account exists for { $email }, we have sent a link to choose a new password. The link works once, for one hour.
check-email-spam = Nothing after a few minutes? Look in your spam folder, or try again.
confirm-title = Confirm your email address
confirm-intro = Press the button to confirm your email address and activate your account.
confirm-submit = Confirm my email address
link-problem-title = This link cannot be used
link-problem-new-reset = Ask for a new link
login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
login-no-account = No account yet?
forgot-title = Forgot your password
forgot-intro = Enter the email address of your account. We will send you a link to choose a new password; it works once, for one hour.
forgot-submit = Send the link
reset-title = Choose a new password
set-password-title = Choose your password
reset-for = For the account { $email }.
reset-submit = Save the password

## Account
account-title = My account
account-member-since = Member since
account-last-login = Last login
account-profile = Profile
account-password = Password
account-change-password = Change password
account-sessions = Sessions
account-sessions-text = Signed in on another computer or phone you no longer use? End every other session; this one stays open.
account-logout-everywhere = Log out everywhere else
account-tokens = API tokens
account-tokens-text = Programs can use the portal's JSON API with a personal token. Treat a token like a password; revoke it when no longer needed.
account-no-tokens = You have no API tokens.
account-create-token = Create a token
account-token-created = Your new token is shown only now. Copy it and keep it safe:
token-prefix = Begins with
token-last-used = Last used
token-revoke = Revoke
token-revoked = Revoked { $when }

## Administration
users-title = Users
users-invite = Invite a user
users-search = Name or email
user-status-active = Active
user-status-disabled = Disabled
user-status-unconfirmed = Email not confirmed
invite-title = Invite a user
invite-intro = The person receives an email with a link to choose a password. The link works for 7 days.
invite-submit = Send the invitation
user-change-role = Role
user-access = Access
user-disable = Disable this account
user-disable-text = A disabled user is signed out at once, cannot log in and their API tokens are revoked. Nothing they did is deleted.
user-disabled-text = This account is disabled.
user-enable = Re-enable this account
user-history = History
outbox-title = Outbox
outbox-intro = Every email the portal sends is queued here first and sent in the background, with retries when the mail server is unavailable.
mail-to = To
mail-subject = Subject
mail-attempts = Attempts
mail-detail = Detail
mail-status-queued = Queued
mail-status-sent = Sent
mail-status-failed = Failed
mail-sent-at = Sent { $when }
mail-next-attempt = Next attempt { $when }
mail-retry = Retry
audit-title = Audit log
audit-intro = Every change made in the portal, oldest to newest in a tamper-evident chain. Newest first here.
audit-when = When
audit-actor = Who
audit-action = Action
audit-object = Object
audit-object-type = Object type
audit-object-id = Object id
audit-details = Details
audit-address = Address
audit-from = From (date)
audit-until = Until (date)

## Messages after an action
flash-email-confirmed = Your email address is confirmed. You can log in now.
flash-logged-out = You are logged out.
flash-logged-out-everywhere = Every other session has ended.
flash-password-changed = Your password is changed. Other sessions have ended.
flash-password-set = Your password is saved. Log in with it now.
flash-profile-saved = Your profile is saved.
flash-token-revoked = The token is revoked.
flash-role-changed = The role is changed. The user's open sessions have ended.
flash-user-disabled = The account is disabled.
flash-user-enabled = The account is enabled again.
flash-user-invited = An invitation is on its way to { $email }.
flash-mail-requeued = The message is queued again.

## Errors
error-title-400 = The request could not be understood
error-title-401 = Please log in
error-title-403 = Access refused
error-title-404 = Page not found
error-title-405 = Not allowed
error-title-413 = Too much data
error-title-429 = Too many attempts
error-title-500 = Something went wrong
error-title-503 = Temporarily unavailable
error-back-home = Back to the home page
error-request-id = Reference of this error:
error-bad-request = The request could not be understood.
error-unauthorized = You need to log in for this.
error-forbidden = You are not allowed to do this. If you think you should be, contact the portal administrator.
error-not-found = There is no such page, or you may not see it.
error-method-not-allowed = This page cannot be used that way.
error-payload-too-large = What you sent is too large.
error-too-many-requests = Too many attempts. Please wait a minute and try again.
error-internal = An unexpected error happened on our side. It has been recorded; please try again later.
error-unavailable = The portal cannot reach its database right now. Please try again in a few minutes.
error-validation = Some fields need your attention.
error-invalid-form = The form could not be read. Reload the page and try again.
error-invalid-json = The JSON body could not be read, or has unknown or repeated fields.
error-invalid-query = The address has unknown or invalid parameters.
error-required = This field is required.
error-email-invalid = Enter a valid email address, like name@example.kz.
error-email-taken = An account with this email address already exists.
error-name-too-long = The name is too long (at most 120 characters).
error-name-invalid = The name contains characters that are not allowed.
error-password-too-short = The password must have at least 15 characters.
error-password-too-long = The password is too long (at most 256 characters).
error-password-common = This password is too common and easy to guess. Choose another one.
error-password-personal = The password must not contain your name, your email address or the portal's name.
error-current-password-wrong = The current password is not right.
error-login-invalid = The email address or the password is not right.
error-login-throttled = Too many login attempts. Wait a few minutes, or reset your password.
error-login-unconfirmed = Your email address is not confirmed yet. We have sent you a new confirmation link.
error-login-disabled = This account is disabled. Contact the portal administrator.
error-link-invalid = This link is not valid. Copy the whole link from the email, or ask for a new one.
error-link-used = This link has already been used. Ask for a new one if you need it.
error-link-expired = This link has expired. Ask for a new one.
error-role-invalid = Choose one of the roles in the list.
error-token-name-invalid = The token name must be at most 80 characters, without line breaks.
error-last-admin = This would leave the portal without an active administrator.
error-cannot-disable-self = You cannot disable your own account.

## Emails
email-greeting = Dear { $name },
email-footer = KAZLOD grants portal — EU–Kazakhstan programme "Support to local development". This message was sent automatically; please do not reply.
email-confirm-email-subject = Confirm your email address
email-confirm-email-body = Thank you for registering on the KAZLOD grants portal. Confirm your email address by opening this link (valid for { $hours } hours):

    { $link }

    If you did not register, ignore this message.
email-reset-password-subject = Choose a new password
email-reset-password-body = Someone asked to reset the password of your account. Choose a new password with this link; it works once, for { $minutes } minutes:

    { $link }

    If it was not you, ignore this message: your password stays as it is.
email-invitation-subject = You are invited to the KAZLOD grants portal
email-invitation-body = An account has been opened for you on the KAZLOD grants portal with the role "{ $role }". Choose your password with this link (valid for { $hours } hours):

    { $link }
email-already-registered-subject = You already have an account
email-already-registered-body = Someone tried to register on the KAZLOD grants portal with this email address, which already has an account. Log in here:

    { $login_link }

    Forgot your password? Choose a new one here: { $reset_link }
email-password-changed-subject = Your password was changed
email-password-changed-body = The password of your account on the KAZLOD grants portal has just been changed, and your other sessions have ended. If it was not you, reset your password at once and tell the portal administrator.

## Common words (calls)
back = Back
edit = Edit
delete = Delete
remove = Remove
unlimited = unlimited
almaty-time = Almaty time
months-range = { $min }–{ $max } months
time-left-days =
    { $days ->
        [one] { $days } day
       *[other] { $days } days
    } { $hours } h
time-left-hours = { $hours } h { $minutes } min
nav-calls = Calls for proposals
nav-programmes = Programmes
nav-manage-calls = Manage calls
home-open-calls = Open calls for proposals
home-no-open-calls = No call for proposals is open at the moment. Register to be ready, and follow the calls that interest you.
home-all-calls = All calls, including upcoming and closed ones

## Programme timeline
programmes-title = Programmes
programmes-none = No programme yet.
programme-new = New programme
programme-edit = Edit the programme
programme-reference = Reference of the financing agreement
programme-title-field = Title
programme-d = Entry into force (D)
programme-d-hint = The day the last party signed the financing agreement. Every programme date is computed from it.
programme-d-amend-only = programme dates change only through a recorded amendment.
programme-total = Total budget
programme-total-eur = Total budget (EUR)
programme-grant-budget = Grant budget (sum of envelopes)
programme-budget = Indicative budget
programme-envelopes = Grant envelopes
programme-calls = Calls for proposals
programme-dates = Programme dates
programme-next-reports = Next reports to the Steering Committee (TL-07)
lines-hint = Each row is one budget line: a label and an amount in EUR. Empty a row to remove it (it stays in the records).
envelopes-hint = Each row is one grant envelope. Lots draw on an envelope; an envelope that published calls use cannot go below what they use.
timeline-title = Programme timeline
timeline-caption = Milestones computed from the entry into force; dots on the axis are the Steering Committee reports every 6 months; the red line is today.
timeline-today = Today
timeline-entry-into-force = Entry into force (D)
timeline-call-launch-deadline = Last day to publish calls
timeline-contracting-deadline = Last day to sign contracts
timeline-sunset-check = Automatic end if nothing contracted
timeline-operational-end = End of the operational phase
timeline-execution-end = End of execution
timeline-decommitment = Decommitment of unused funds
timeline-steering-report = Report to the Steering Committee
timeline-band-operational = Operational phase
timeline-band-closure = Closure phase
timeline-band-contracting = Contracting period
countdown-next = Next deadline
countdown-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
countdown-until = until
countdown-warn-60 = Less than 60 days left.
countdown-warn-30 = Less than 30 days left: plan the remaining steps now.
countdown-warn-7 = Less than a week left!
sunset-warning = If no contract is signed and no payment made by { $date }, the financing agreement ends automatically (TL-09).
amendments-title = Amendments
amendments-none = No amendment recorded.
amendment-new = Record an amendment
amendment-intro = A programme date changes only through a signed addendum. Record it here; the old and new dates stay visible, and the change goes to the audit log.
amendment-date = Date amended
amendment-currently = now { $date }
amendment-new-date = New date
amendment-effective-on = Takes effect on
amendment-effective-hint = At least 3 months after today (TL-06). An extension must be requested at least 3 months before the phase ends.
amendment-effective = effective { $date }
amendment-addendum = Reference of the signed addendum
amendment-reason = Why
amendment-change = Change
amendment-recorded = Recorded by
amendment-record = Record the amendment
amendable-call_launch_deadline = Last day to publish calls (TL-01)
amendable-operational_end = End of the operational phase (TL-03)
amendable-execution_end = End of execution (TL-04)

## Calls
calls-title = Calls for proposals
calls-intro = Calls of the EU–Kazakhstan programme "Support to local development". Deadlines are exact instants in Almaty time; a submission after the deadline is refused.
calls-group-open = Open now
calls-group-upcoming = Upcoming
calls-group-closed = Closed
calls-group-cancelled = Cancelled
calls-none-open = No call is open at the moment.
calls-none-upcoming = No upcoming call.
calls-none-closed = None.
calls-none-cancelled = None.
manage-calls-title = Manage calls
call-new = New call for proposals
call-form-title = Call for proposals
call-edit = Edit the call
call-reference = Reference
call-reference-hint = For example EuropeAid/150123/L/ACT/KZ.
call-title = Title
call-description = Description
call-type = Type of call
call-type-restricted = Restricted call
call-type-open = Open call
call-type-restricted-help = concept notes first; full applications by invitation
call-type-open-help = concept note and full application together
call-opens = Submissions open
call-opens-hint = 24-hour time, Almaty: for example 2027-01-21 09:00. Leave empty to open at publication.
call-opens-at-publication = at publication
call-deadline = Deadline
call-deadline-concept = Concept note deadline
call-deadline-hint = The exact instant, 24-hour time, Almaty: for example 2027-01-21 18:00. Restricted calls: at least 45 days after opening; open calls: 90 days (60 when every grant is at most EUR 100,000).
call-time-left = Time left
call-total-envelope = Indicative amount
call-programme = Programme
call-lots = Lots
call-guidelines = Guidelines for applicants
call-no-documents = No document yet.
call-clarifications = Questions and answers
call-clarification-dates = Questions are accepted until { $cutoff }; answers are published by { $answers }.
call-no-clarifications = No answer published yet.
call-no-questions = No question asked yet.
call-questions-until = Questions until
call-answers-by = Answers published by
call-published-at = Published
call-public-page = Public page
call-staff-view = Staff view
call-cancelled-on = Cancelled on { $when }:
call-status-draft = Draft
call-status-published = Published
call-status-cancelled = Cancelled
phase-open = Open
phase-upcoming = Upcoming
phase-closed = Closed
phase-cancelled = Cancelled
lot-label = Lot { $number }
lot-envelope = Envelope
lot-envelope-eur = Envelope (EUR)
lot-grant = Grant
lot-share = EU share of eligible costs
lot-duration = Duration
lot-applicants = Who may apply
lot-locations = Where
lot-add = Add a lot
lots-none = No lot yet.
lot-form-title = Lot
lot-number = Lot number
lot-title = Title
lot-min-grant = Smallest grant (EUR)
lot-max-grant = Largest grant (EUR)
lot-min-share = Smallest EU share (%)
lot-max-share = Largest EU share (%)
lot-max-share-hint = At most 90%: applicants co-finance at least 10%.
lot-min-duration = Shortest duration (months)
lot-max-duration = Longest duration (months)
lot-max-duration-hint = At most 48 months.
applicant-type-ngo = Non-governmental organisations
applicant-type-local_authority = Local authorities (akimats)
applicant-type-research_institute = Research institutes
applicant-type-international_organisation = International organisations
applicant-type-other = Other organisations
location-mangystau = Mangystau oblast
location-kyzylorda = Kyzylorda oblast
location-east_kazakhstan = East Kazakhstan oblast
location-national = National level
doc-authentic = authentic text
doc-for-information = for information
doc-title = Title of the document
doc-file = File
doc-file-hint = PDF, Word (.docx) or OpenDocument (.odt), at most { $mb } MB.
doc-upload = Upload
grids-title = Evaluation grids
grids-help = One line per section ("1 Relevance of the action") and per sub-criterion ("1.1 Relevance to the call | x2"). Sub-criteria are scored 1 to 5; "| x2" counts one twice; "| carried over" marks a section whose score comes from the concept note.
grid-concept = Concept note
grid-full = Full application
grid-max = out of { $max }
grid-carried-over = carried over from the concept note
params-title = Rules of this call
params-hint = Defaults come from the programme's rules; change them only when the guidelines say otherwise.
param-restricted-min-days = Restricted call: days from opening to deadline
param-open-min-days = Open call: days from opening to deadline (normal / small grants)
param-open-min-days-plain = Open call: days from opening to deadline
param-open-small-min-days = Open call with small grants only: days
param-small-grant-max = Small grant ceiling (EUR)
param-invitation-min-days = Days from invitation to full-application deadline
param-clarification-days = Questions / answers: days before the deadline
param-question-cutoff = Questions accepted until this many days before the deadline
param-answer-deadline = Answers published at least this many days before the deadline
param-concept-pass = Concept notes pass from (score)
param-shortlist = Shortlist up to (% of the envelope)
param-assessors = Assessors per application
param-divergence = Divergence threshold (full / concept note)
param-divergence-full = Divergence threshold, full application (points)
param-divergence-concept = Divergence threshold, concept note (points)
param-capacity = Minimum capacity score (section 1)
param-capacity-one = A capacity sub-score of 1 rejects the application
param-tolerance = Full application: EU contribution within ± % of the concept note
param-max-applications = Applications per organisation (empty = unlimited)
param-selection = Selection when the envelope runs out
selection-strict = the rest go to the reserve list
selection-fill = skip to smaller applications that fit
publish-title = Publication
publish-ready = Everything is in order: the call can be published now.
publish-problems-intro = { $count ->
    [one] One thing must be fixed before publishing:
   *[other] { $count } things must be fixed before publishing:
}
publish-button = Publish the call
publish-problem-not-draft = Only a draft can be published.
publish-problem-identity = The call needs a reference and a title.
publish-problem-launch-deadline = Calls must be published by { $date }; this date has passed. Record a programme amendment to move it.
publish-problem-no-deadline = Set the deadline.
publish-problem-submission-period = The deadline must be at least { $days } days after opening: { $earliest } at the earliest.
publish-problem-after-contracting = The deadline falls after the last day to sign contracts, { $date }.
publish-problem-no-lots = The call needs at least one lot.
publish-problem-lot-incomplete = Lot { $number } is incomplete or inconsistent: open it to see what is missing.
publish-problem-lot-numbers = Two lots have the same number.
publish-problem-grid = The { $grid } evaluation grid is incomplete.
publish-problem-threshold-over-max = The concept-note pass score is higher than the grid's maximum.
publish-problem-parameters-positive = The periods, the number of assessors and the shortlist percentage must be positive.
publish-problem-clarification-days = Questions must close before the answers are due (more days before the deadline).
publish-problem-tolerance = The tolerance must be between 0 and 100%.
publish-problem-max-applications = The limit of applications must be at least 1, or empty.
publish-problem-selection-mode = Choose how selection continues when the envelope runs out.
publish-problem-guidelines = Upload the English guidelines: they are the authentic text.
publish-problem-over-budget = This call needs { $needed }, but only { $free } of the programme's grant budget of { $budget } is still free ({ $used } is taken by other published calls).
grid-problem-empty = The grid has no section.
grid-problem-section = Every section needs a title and at least one sub-criterion.
grid-problem-weight = A sub-criterion counts once or twice, no more.
grid-problem-criterion = Every sub-criterion needs a title.
grid-problem-duplicate-code = Two lines have the same number.
grid-parse-no-title = Line { $line }: write a number, then a title.
grid-parse-bad-code = Line { $line }: the number must look like 1 or 1.1.
grid-parse-bad-flag = Line { $line }: after "|" only "x2" (sub-criteria) or "carried over" (sections) are allowed.
grid-parse-no-section = Line { $line }: a sub-criterion needs a section line before it.
grid-parse-wrong-section = Line { $line }: the sub-criterion's number does not belong to the section above it.
cancel-call = Cancel the call
cancel-intro = Cancelling is final. Everyone following the call (and every applicant who started an application) is emailed the reason.
cancel-reason = Reason
cancel-reason-no_worthy_proposal = No proposal worth selecting
cancel-reason-changed_circumstances = The circumstances have changed
cancel-reason-force_majeure = Force majeure
cancel-reason-irregularities = Irregularities in the procedure
cancel-explanation = Explanation published with the cancellation
cancel-confirm = Cancel the call
unanswered-questions = Unanswered questions
answers-due = answers due { $when }
unanswered-warning = { $count ->
    [one] One question is waiting for an answer;
   *[other] { $count } questions are waiting for an answer;
} answers must be published by { $when } (CFP-03).
answers-all-in-time = Every answer was published in time.
answers-late = { $count ->
    [one] One answer was published late.
   *[other] { $count } answers were published late.
}
qa-question = Question
qa-answer = Answer
qa-asked = Asked { $when } by { $who }
qa-published = Published { $when }
qa-in-time = in time
qa-late = late
qa-unanswered = Not answered yet
qa-your-answer = Answer
qa-answer-hint = The answer is published at once on the call's page, without the asker's name, and everyone following the call is emailed. Clarify the guidelines; do not give an opinion on one applicant's eligibility.
qa-publish = Publish the answer
ask-title = Ask a question
ask-help = Questions and answers are published for everyone, without your name.
ask-label = Your question
ask-submit = Send the question
ask-closed = Questions are no longer accepted: the last moment was { $cutoff }.
ask-login = Log in to ask a question
ask-applicants-only = Only applicants ask questions.
follow-title = Follow this call
follow-text = Get an email when an answer is published or the call changes.
follow-on = You follow this call: you get an email when an answer is published or the call changes.
follow-start = Follow
follow-stop = Stop following

## Messages (calls)
flash-programme-saved = The programme is saved.
flash-amendment-recorded = The amendment is recorded.
flash-call-created = The draft call is created with the programme's two lots and the default grids.
flash-call-saved = The call is saved.
flash-call-published = The call is published.
flash-call-not-published = The call was not published: { $count } problems to fix, listed under “Publication”.
flash-call-cancelled = The call is cancelled and its followers are being notified.
flash-lot-saved = The lot is saved.
flash-lot-deleted = The lot is deleted.
flash-grids-saved = The grids are saved.
flash-document-added = The document is uploaded.
flash-document-removed = The document is removed.
flash-question-sent = Your question is sent. The answer will be published on this page.
flash-answer-published = The answer is published and followers are being emailed.
flash-following = You now follow this call.
flash-unfollowed = You no longer follow this call.

## Errors (calls)
error-date-invalid = Enter a date as YYYY-MM-DD.
error-datetime-invalid = Enter a date and time.
error-amount-invalid = Enter an amount in euros, like 2,100,000 or 2100000.50.
error-amount-positive = The amount must be more than zero.
error-number-invalid = Enter a whole number.
error-percent-invalid = Enter a percentage between 0 and 100.
error-text-too-long = The text is too long.
error-reference-taken = This reference is already used.
error-line-format = Each line needs a label (one line of text, at most 200 characters) and an amount.
error-line-amount = A line has an amount that is not a number of euros.
error-lines-over-total = The budget lines add up to more than the total budget.
error-envelopes-over-total = The envelopes add up to more than the total budget.
error-envelopes-required = The programme needs at least one grant envelope.
error-envelopes-below-calls = An envelope would be smaller than what the published calls already draw on it.
error-amendment-notice = An amendment takes effect at least 3 months after it is proposed (TL-06).
error-amendment-extension-late = An extension must be requested at least 3 months before the phase ends (TL-06).
error-amendment-not-extension = This date can only be moved later.
error-amendment-unchanged = The new date is the same as the current one.
error-amendment-order = The programme dates would be out of order.
error-deadline-before-opening = The deadline must come after the opening.
error-call-not-draft = A published or cancelled call cannot be changed.
error-call-not-published = The call is not published.
error-call-cancelled = The call is cancelled.
error-cancel-reason = Choose a reason.
error-questions-closed = Questions for this call are closed (CFP-03).
error-already-answered = This question is already answered.
error-lot-number = The lot number must be 1 or more.
error-lot-number-taken = Another lot has this number.
error-lot-envelope = The envelope must be more than zero.
error-lot-grant-range = The smallest grant must be more than zero and not more than the largest.
error-lot-max-over-envelope = The largest grant cannot exceed the lot's envelope.
error-lot-share-range = The smallest EU share must be more than zero and not more than the largest.
error-lot-share-over-90 = The EU share is at most 90%: applicants co-finance at least 10% (CFP-05).
error-lot-duration-range = The shortest duration must be at least 1 month and not more than the longest.
error-lot-duration-over-48 = Grant contracts last at most 48 months.
error-lot-applicant-types = Choose who may apply.
error-lot-locations = Choose where actions take place.
error-upload-empty = The file is empty.
error-upload-too-large = The file is too large.
error-upload-name = The file name must have exactly one extension (like guidelines.pdf).
error-upload-type = Only PDF, Word (.docx) and OpenDocument (.odt) files are accepted, and the extension must match the content.
error-upload-missing = Choose a language and a file.

## Emails (calls)
email-call-cancelled-subject = Call cancelled: { $call }
email-call-cancelled-body = The call for proposals { $call } has been cancelled.

    Reason: { $reason }
    { $explanation }

    Details: { $link }
email-clarification-published-subject = New answer published: { $call }
email-clarification-published-body = A new answer to a question about the call for proposals { $call } has been published:

    { $link }
email-clarifications-due-subject = Questions waiting for an answer: { $call }
email-clarifications-due-body = Questions about the call for proposals { $call } still without an answer: { $count }. Answers must be published by { $when } (Almaty time, CFP-03):

    { $link }
publish-problem-parameters-range = A rule of the call is out of range: periods up to 3,650 days, other numbers up to 10,000.
lot-programme-envelope = Programme envelope it draws on
publish-problem-lot-envelope = Lot { $number } does not say which programme envelope it draws on.
publish-problem-envelope-over = This call's lots on the envelope “{ $envelope_name }” need { $needed }, but only { $free } of its { $envelope } is still free ({ $used } is taken by other published calls). Lower the lots' amounts to fit.
account-email = Email address
account-email-text = To use another address, confirm it with your password; we send a link to the new address and the change takes effect when you open it.
account-change-email = Change the email address
field-new-email = New email address
confirm-change-intro = Press the button to confirm your new email address. You will log in with it from now on.
flash-email-change-sent = We sent a confirmation link to { $email }. Your address changes when you open it.
flash-email-changed = Your email address is changed.
error-email-unchanged = This is already your email address.
email-confirm-email-change-subject = Confirm your new email address
email-confirm-email-change-body = You asked to change the email address of your KAZLOD grants portal account from { $old_email } to this address. Confirm it with this link (valid for { $hours } hours):

    { $link }

    If you did not ask for this, ignore this message.
email-email-changed-subject = Your email address was changed
email-email-changed-body = The email address of your KAZLOD grants portal account was changed to { $new_email }. If it was not you, contact the portal administrator at once.
money-rows-hint = One row per line: a label and an amount in EUR. Empty both fields of a row to remove it; removed lines stay in the records.
money-row-label = Label
money-row-amount = Amount (EUR)
flash-call-published-warnings = Published, with { $count } warnings to read under “Publication”.
publish-problem-opens-after-launch-deadline = The call must open by { $date }: set an earlier opening or record a programme amendment.
publish-warning-duration-after-operational-end = Lot { $number }: an action of { $months } months starting on the earliest possible day ({ $start }) would end after the operational phase ({ $end }). At most { $possible } months fit.
publish-problem-tie-break = The tie-break must name the relevance and/or capacity sections, each once.
grid-problem-too-large = The grid is too large: at most 20 sections of 30 sub-criteria.
grid-problem-no-relevance = Mark exactly one section as the relevance section (“| relevance”).
grid-problem-carried-in-concept = The concept-note grid cannot have a carried-over section.
grid-problem-carried-over = The full-application grid needs exactly one carried-over section, the relevance one (“| relevance, carried over”, GRD-04).
grid-problem-carried-max = The carried-over relevance section must be worth what the concept note's relevance section is worth.
grid-problem-no-capacity = Mark exactly one section of the full-application grid as the capacity section (“| capacity”).
grid-problem-capacity-threshold = The capacity threshold (GRD-05) is higher than the capacity section can reach.
error-already-exists = This already exists: someone else may have just created it. Reload the page and check.
error-amendment-after-phase-end = An extension must take effect before the phase it extends has ended.
error-amendment-closure-short = The closure phase must last at least 24 months after the operational phase (TL-04).
error-amendment-conflicts-pending = This amendment would contradict an amendment already recorded that takes effect later.
error-amendment-out-of-range = The date is outside the programme's horizon (after D and at most 15 years later).
error-control-characters = This field contains characters that cannot be stored (control characters). Remove them and try again.
error-date-out-of-range = Enter a date between the years 2000 and 2100.
error-d-after-publication = D can no longer be corrected: a call of this programme has been published. Dates now change only through amendments.
error-d-breaks-amendments = With this D, a recorded amendment would no longer hold. Check the amendments first.
error-envelope-in-use = An envelope that published calls draw on cannot be removed.
error-envelope-unknown = An envelope of the form does not belong to this programme. Reload the page and try again.
error-lot-envelope-unknown = Choose one of this programme's envelopes.
error-too-many-open-questions = You have 10 questions waiting for an answer on this call. Please wait for the answers before asking more.
d-correction-new = Correct the entry into force
d-correction-intro = The entry into force D is recorded as { $date }. While no call of the programme is published, a wrong D can be corrected; the correction is recorded with its reason and every date computed from D moves with it.
d-correction-submit = Record the correction
d-correction-label = corrected before any publication
flash-d-corrected = The entry into force was corrected; every computed date moved with it.
param-tie-break = Ties rank by (GRD-06)
param-tie-break-hint = When two applications have the same total, the higher score of these sections ranks first.
tie-break-relevance-capacity = relevance, then capacity
tie-break-capacity-relevance = capacity, then relevance
tie-break-relevance = relevance only
tie-break-capacity = capacity only
publish-warnings-intro = Warnings (publication is not stopped by them):
email-greeting-plain = Hello,
email-address-taken-subject = Someone tried to use your email address
email-address-taken-body = Someone signed in to the KAZLOD grants portal asked to change their account's email address to this one, which already belongs to your account. Nothing was changed. If it was you, you already have an account here:

    { $login_link }

    If not, you can ignore this message.
error-current-password-throttled = Too many wrong passwords. Wait a few minutes, or sign out and reset your password.
error-email-change-throttled = Too many email changes were asked for in the last hour. Please try again later.
error-email-change-unavailable = This email address cannot be used any more. Ask for the change again with another address.
error-role-unconfirmed = This account has not confirmed its email address, so it cannot receive a role. Invite the person instead: the invitation replaces the unconfirmed account.
error-second-factor-enrol-first = Staff accounts must set up two-factor sign-in first (on the account page).
error-second-factor-enrolled = Two-factor sign-in is already set up.
error-second-factor-no-enrolment = Start the set-up of two-factor sign-in again.
error-second-factor-none = This person has no second factor to reset.
error-second-factor-required = Enter the code from your authenticator app (or a recovery code).
error-second-factor-staff = Staff accounts keep two-factor sign-in; an administrator can reset it.
error-second-factor-throttled = Too many wrong codes. Wait a few minutes before trying again.
error-second-factor-wrong = This code is not right, or was already used. Enter the current code from your app.
error-token-days = A token lives between 1 and 365 days.
flash-second-factor-off = Two-factor sign-in is off. Your other sessions and API tokens have ended.
flash-second-factor-reset = The second factor was reset. The person sets it up again at the next sign-in.
flash-sign-in-again = Please sign in again.
token-days-hint = The token stops working after this many days ({ $max } at most).
token-expired = expired
token-expires = Expires
field-token-days = Valid for (days)
field-second-factor-code = Code from your authenticator app
second-factor-code-hint = Six digits, or one of your recovery codes.
second-factor-title = Two-factor sign-in
second-factor-sign-in = Enter your sign-in code
second-factor-sign-in-text = Open the authenticator app on your phone and enter the six-digit code shown for the KAZLOD grants portal.
second-factor-continue = Sign in
second-factor-lost = Lost your phone? Use one of your recovery codes, or ask an administrator to reset your second factor.
second-factor-on = Two-factor sign-in is on. { $count } recovery codes are left.
second-factor-off = Two-factor sign-in is off.
second-factor-manage = Two-factor sign-in
second-factor-required = Staff accounts sign in with a second factor. Set it up now to continue.
second-factor-enrol = Set up two-factor sign-in
second-factor-step-app = Install an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator).
second-factor-step-scan = Scan this QR code with the app.
second-factor-qr-alt = QR code for the authenticator app
second-factor-step-type = If you cannot scan it, add an account named { $issuer } by hand with this key:
second-factor-step-code = Enter the six-digit code the app now shows.
second-factor-confirm = Turn on two-factor sign-in
second-factor-enrolled = Two-factor sign-in is on. Your other sessions and API tokens have ended.
second-factor-status = Status
second-factor-turn-off = Turn off two-factor sign-in
second-factor-staff-keeps = Staff accounts keep two-factor sign-in. If you lose your phone, use a recovery code or ask an administrator.
second-factor-reset-text = If the person lost their phone and recovery codes, reset the second factor: their sessions and API tokens end, and they set it up again at the next sign-in.
second-factor-reset = Reset the second factor
recovery-codes-title = Your recovery codes
recovery-codes-text = Each code signs you in once if you cannot use your phone. Keep them somewhere safe, apart from your phone: they are shown only now.
recovery-codes-done = I have kept them
recovery-codes-new = New recovery codes
error-fields = Field:
questions-unanswered = Waiting for an answer
questions-all = All questions
doc-version = version { $version }
doc-frozen = frozen
error-attachment-frozen = This document is frozen (the authentic text of a published call, or a submitted file): it can be neither replaced nor removed.
error-title-prefix = Error:
error-summary-title = There is a problem
ask-not-sent = Your question was not sent; here it is, to keep:
countdown-today = Due today
countdown-warn-today = The deadline is today: what is not done by the end of the day is late.
nav-review-calls = Calls (all records)
account-previous-login = Previous sign-in
account-first-login = This is your first sign-in.
account-previous-login-hint = Not you? Change your password and sign out everywhere.
account-tokens-advanced = Advanced: API access for your own software
invitation-title = Invitation
invitation-pending-text = This person has not accepted the invitation yet. If the email was lost or the link has expired, send a new one: the earlier link stops working.
invitation-resend = Send the invitation again
flash-invitation-resent = A new invitation is on its way; the earlier link no longer works.
error-invitation-accepted = This invitation has already been accepted.
error-invitation-disabled = The account is disabled: enable it before inviting again.
table-region = Table (scrolls sideways on narrow screens)
confirm-back = Back without changing anything
confirm-cancel = No, go back
confirm-what-happens = What will happen
confirm-preview = As it will be published
publish-confirm-title = Publish the call?
publish-confirm-intro = You are about to publish the call { $reference }.
publish-opens-now = at once
publish-effect-public = The call, its lots and its guidelines become public { $when }; anyone can read them and apply.
publish-effect-frozen = The English guidelines are frozen as the authentic text. Lots, rules and grids can no longer be edited; the call can only be cancelled.
publish-effect-questions = Applicants can ask questions until { $cutoff }; answers must be published by { $answers }; proposals are due { $deadline } (Almaty time).
lot-delete-title = Delete this lot?
lot-delete-intro = You are about to delete lot { $number }, “{ $title }” ({ $amount }), from this draft.
lot-delete-effect = The lot and its terms are removed from the call; the deletion is kept in the audit log. Add the lot again if you need it back.
lot-delete-button = Delete the lot
qa-review = Review the answer
answer-confirm-title = Publish this answer?
answer-confirm-intro = Check the answer below: once published, it is part of the call.
answer-effect-public = The question and this answer appear on the public call page for everyone, without the name of who asked.
answer-effect-mail = The person who asked and everyone following the call are emailed.
answer-effect-final = A published answer cannot be changed or withdrawn; a correction needs another answer or a corrigendum.
role-admin-confirm-title = Make this person an administrator?
role-admin-confirm-intro = You are about to give the administrator role to { $name } ({ $email }).
role-admin-effect-rights = Administrators manage every account and role, see the email outbox and read the whole audit log.
role-admin-effect-sessions = The person is signed out everywhere and must sign in again, with a second factor.
role-admin-confirm-button = Make administrator
user-disable-confirm-title = Disable this account?
user-disable-confirm-intro = You are about to disable the account of { $name } ({ $email }).
user-disable-effect-sessions = The person is signed out at once, their API tokens stop working and they cannot sign in.
user-disable-effect-undo = Nothing is deleted: the account can be enabled again from this page.
call-delete-title = Delete this draft?
call-delete-intro = You are about to delete the draft call { $reference } “{ $title }”.
call-delete-effect-content = Its { $lots } lot(s) are deleted and its { $documents } document(s) removed. Nothing of it was ever public.
call-delete-effect-audit = The audit log keeps what the draft was and who deleted it.
call-delete-button = Delete the draft
flash-call-deleted = The draft call is deleted.
error-cancel-only-published = Only a published call is cancelled; a draft can be deleted instead.
fix-edit-call = Change it in the call
fix-edit-lot = Open the lot
fix-lots = Go to the lots
fix-add-lot = Add a lot
fix-grids = Edit the grids
fix-documents = Go to the documents
fix-amendment = Record an amendment
rule-ref = rule
instant-long = { $date }, { $time } Almaty time
instant-said-back = That is { $when }.
translations-title = Kazakh and Russian texts
translations-intro = English is the authentic text of the call (CFP-08). Kazakh and Russian versions are for information: readers see them in their language, and the English text wherever a version is left empty.
translations-published-hint = The call is published: these versions can still be added and corrected. The English text changes only by a corrigendum.
translations-hint = Kazakh and Russian versions are for information and optional; readers of those languages see the English text where they are empty.
flash-translations-saved = The Kazakh and Russian texts are saved.
translations-status = { $language }: { $done } of { $total } texts translated
translations-edit = Edit the Kazakh and Russian texts
home-no-programme = No programme is set up yet.
change-deadline = The deadline is extended from { $before } to { $after }; the question and answer periods move with it.
change-description = The description ({ $language }) is corrected.
change-lot-title = Lot { $lot }: the title ({ $language }) is now “{ $after }” (was “{ $before }”).
change-lot-envelope = Lot { $lot }: the amount is raised from { $before } to { $after }.
change-documents = Documents are published with this corrigendum.
email-call-corrected-subject = Corrigendum { $number } to the call { $call }
email-call-corrected-body = Corrigendum { $number } to the call for proposals { $call } has been published.
    
    What changed:
    { $changes }
    
    Why: { $reason }
    
    The call as corrected, with its earlier version: { $link }
corrigenda-title = Corrigenda
corrigenda-none = No corrigendum has been published.
corrigendum-new = Publish a corrigendum…
corrigendum-heading = Corrigendum { $number } of { $when }
corrigendum-reason = Why
corrigendum-earlier-link = The call as it was before corrigendum { $number }
corrigendum-document-file = Document of corrigendum { $number } (PDF, Word or OpenDocument)
corrigendum-form-title = Corrigendum { $number }
corrigendum-form-intro = A corrigendum corrects the published call: it extends the deadline (never shortens it), corrects the description or a lot's title, raises a lot's amount within its envelope, or publishes documents. Everything below starts as the call stands now; change only what the corrigendum changes. You will see what changes before it is published.
corrigendum-why = What the corrigendum says
corrigendum-reason-hint = Why the call is corrected, in English (the authentic text); it is published with the corrigendum and emailed to the call's followers.
corrigendum-deadline-now = The deadline now: { $when }.
corrigendum-new-deadline = Deadline (Almaty time, 24-hour, YYYY-MM-DD HH:MM)
corrigendum-deadline-hint = Later than the current deadline, or unchanged. The question and answer periods (CFP-03) move with it.
corrigendum-lots-hint = A lot's amount can only be raised, within what is free in its programme envelope.
corrigendum-envelope-hint = In euros; only a higher amount.
corrigendum-documents = Documents
corrigendum-adds-documents = This corrigendum publishes documents (the corrigendum itself in English, with Kazakh and Russian for information): you add them on the call page once it is published.
corrigendum-preview-button = Check and preview…
corrigendum-problems-intro = { $count ->
    [one] One problem stops this corrigendum:
   *[other] { $count } problems stop this corrigendum:
    }
corrigendum-confirm-title = Publish corrigendum { $number }?
corrigendum-confirm-intro = You are about to publish a corrigendum to the call { $reference }. It will change:
corrigendum-effect-public = The corrigendum is shown on the public call page with its date and reason; the earlier version stays readable.
corrigendum-effect-followers = Everyone who follows the call is emailed.
corrigendum-effect-documents = Add the corrigendum's documents on the call page next.
corrigendum-publish-button = Publish the corrigendum
flash-corrigendum-published = Corrigendum { $number } is published and the call's followers are being emailed.
error-corrigendum-only-published = Only a published call is corrected by corrigendum; a draft is simply edited.
corrigendum-problem-not-published = Only a published call can be corrected.
corrigendum-problem-call-closed = The deadline of this call has passed ({ $deadline }): a corrigendum is published before the deadline only.
corrigendum-problem-deadline-earlier = The new deadline must not be earlier than the current one ({ $deadline }): a deadline is extended, never shortened.
corrigendum-problem-envelope-lower = Lot { $number }: its amount can only be raised (it is { $amount }).
corrigendum-problem-unknown-lot = The call has no lot { $number }.
corrigendum-problem-nothing = Nothing would change: give a later deadline, a corrected text, a higher lot amount, or say that the corrigendum publishes documents.
earlier-title = Before corrigendum { $number }
earlier-intro = This is the call as it was before corrigendum { $number } of { $when }.
earlier-current = See the call as it stands now.
error-corrigendum-refused = The corrigendum cannot be published: see each problem.
event-api-token-created = API token created
event-api-token-revoked = API token revoked
event-call-cancelled = Call cancelled
event-call-corrigendum-document-added = Corrigendum document added
event-call-corrigendum-published = Corrigendum published
event-call-created = Call created
event-call-document-added = Call document added
event-call-document-removed = Call document removed
event-call-draft-deleted = Draft call deleted
event-call-followed = Call followed
event-call-grids-updated = Evaluation grids changed
event-call-published = Call published
event-call-translations-saved = Call translations saved
event-call-unfollowed = Call unfollowed
event-call-updated = Call changed
event-clarification-asked = Question asked
event-clarification-published = Answer published
event-clarifications-reminder-sent = Reminder of unanswered questions sent
event-lot-created = Lot created
event-lot-deleted = Lot deleted
event-lot-updated = Lot changed
event-mail-requeued = Email queued again
event-programme-amended = Programme amendment recorded
event-programme-created = Programme created
event-programme-d-corrected = Entry into force corrected
event-programme-updated = Programme changed
event-user-confirm-email = Email address confirmed
event-user-created = Account created
event-user-current-password-failed = Wrong current password
event-user-disabled = Account disabled
event-user-email-change-requested = Email change requested
event-user-email-changed = Email address changed
event-user-enabled = Account enabled
event-user-invitation-accepted = Invitation accepted
event-user-invitation-resent = Invitation sent again
event-user-invited = Person invited
event-user-language-changed = Language changed
event-user-login = Signed in
event-user-login-failed = Failed sign-in
event-user-logout = Signed out
event-user-logout-everywhere = Signed out everywhere
event-user-password-accepted = Password accepted
event-user-password-changed = Password changed
event-user-password-reset = Password reset
event-user-profile-updated = Profile changed
event-user-recovery-codes-replaced = Recovery codes replaced
event-user-register = Registered
event-user-register-existing = Registration with a taken address
event-user-reset-requested = Password reset requested
event-user-reset-requested-disabled = Password reset requested for a disabled account
event-user-reset-requested-unknown = Password reset requested for an unknown address
event-user-role-changed = Role changed
event-user-second-factor-confirmed = Two-step verification switched on
event-user-second-factor-enrolled = Two-step verification set up
event-user-second-factor-failed = Wrong verification code
event-user-second-factor-removed = Two-step verification switched off
event-user-second-factor-reset = Two-step verification reset by an administrator
event-user-second-factor-started = Two-step verification started
event-user-unconfirmed-expired = Unconfirmed account expired
event-user-unconfirmed-taken-over = Unconfirmed account registered again
audit-export-csv = Download these events (CSV)
audit-object-any = Any
audit-actor-hint = An email address, or part of one
object-call = Call
object-programme = Programme
object-user = Person
object-lot = Lot
object-clarification = Question
object-api_token = API token
object-outbox = Email
object-attachment = Document
audit-showing = { $count } events
call-overview-title = What needs doing now
call-overview-nothing = Nothing needs doing now.
on-this-page = On this page
todo-answer-questions = { $count ->
    [one] One question waits for an answer
   *[other] { $count } questions wait for an answer
    }: answers are due by { $when }.
todo-ready-to-publish = The call is ready to publish.
todo-publication-problems = { $count ->
    [one] One problem stops publication.
   *[other] { $count } problems stop publication.
    }
todo-corrigendum-documents = Corrigendum { $number } publishes documents: add them.
todo-translations = Texts are missing in { $languages }.
my-title = My calls and questions
nav-my = My calls
my-followed = Calls you follow
my-followed-none = You follow no call yet. Follow a call on its page to be emailed its answers, corrections and any cancellation.
my-questions = Your questions
my-questions-help = Until it is answered, a question is seen by you and the EU Delegation only. Answers are published to everyone, without your name.
my-questions-none = You have not asked any question.
my-asked-on = asked on { $when }
my-answered = Answered
my-read-answer = read the answer
my-cancelled = The call was cancelled; the question will not be answered.
my-answers-due = Answers are due by { $when }.
my-pending-title = Your questions waiting for an answer
apply-title = How to apply and what comes next
apply-step-read = Read the guidelines (the English text is authentic) and the published answers. Questions are accepted until { $cutoff }; answers are published by { $answers }.
apply-step-concept-note = Send a concept note for one lot by { $deadline }, as the guidelines say. A late one is refused, whatever the reason.
apply-step-open = Send your full application (concept note included) for one lot by { $deadline }, as the guidelines say. A late one is refused, whatever the reason.
apply-step-invitation = The concept notes are evaluated; the applicants selected are invited to send a full application, with at least { $days } days to do so.
apply-step-open-evaluation = The concept note is evaluated first; the full applications of those that pass are evaluated next.
apply-step-award = Full applications are ranked per lot; the EU Delegation awards grants within each lot's amount, notifies every applicant and signs the grant contracts.
apply-follow-hint = Follow the call to be emailed its answers, corrections and any cancellation.
help-title = Help and contact
help-lead = This portal is run by the EU Delegation for the calls for proposals of the programme "Support to local development in the Republic of Kazakhstan". Here is who to ask, and about what.
help-contact-h = Contact
help-organisation = Organisation
help-phone = Telephone
help-address = Address
help-questions-h = Questions about a call
help-questions = Ask questions about a call on its page, while questions are accepted: answers are published there for everyone, so that all applicants have the same information (CFP-03). No one can give an opinion in advance on whether your organisation or project is eligible; the guidelines and the published answers are what counts.
help-account-h = Your account
help-register = Applicants register once with an email address and a password.
help-forgot = Forgotten password?
help-forgot-link = Set a new one
help-follow = Follow a call to be emailed its answers, corrections and any cancellation; your calls and questions are under "My calls".
help-languages-h = Languages
help-languages = The portal speaks Kazakh, Russian and English. The guidelines of a call are authentic in English; Kazakh and Russian versions are for information (CFP-08). Where a text is not translated yet, it is shown in English.
help-times-h = Dates and times
help-times = Every deadline is an exact moment, shown in Almaty time (UTC+5). A submission after it is refused by the server, whatever your computer's clock says.
accessibility-title = Accessibility statement
a11y-lead = We want everyone to be able to use this portal, including people who use a keyboard only, a screen reader, magnification or a phone.
a11y-status-h = How far it conforms
a11y-status = The portal aims at WCAG 2.1 level AA. It is partially conformant: the exceptions we know of are listed below.
a11y-how-h = What you can expect
a11y-how-keyboard = Every page and form works with a keyboard alone, with a visible focus and a link to skip to the content.
a11y-how-nojs = Everything works without JavaScript.
a11y-how-zoom = Pages reflow on a phone and when zoomed to 400%; wide tables scroll inside their own region.
a11y-how-lang = Each text is marked with its language, so that screen readers pronounce English texts on Kazakh and Russian pages correctly.
a11y-how-errors = A form with mistakes lists them at its top, linked to each field, and says at each field what to change.
a11y-limits-h = What is not accessible yet
a11y-limit-documents = Documents uploaded by staff (guidelines, corrigenda) are published as they were provided; some PDF files may not be tagged for screen readers. Ask us for an accessible version.
a11y-limit-translations = Texts not translated yet are shown in English, marked as English.
a11y-limit-timeline = The programme's timeline chart for staff is also given as a table; the chart alone does not carry all of it.
a11y-testing-h = How we tested
a11y-testing = Every page is checked with axe-core in English, Kazakh and Russian, on a desktop and a 390 px phone screen, and the main tasks (asking a question, publishing a call) are done with a keyboard only, before each release.
a11y-feedback-h = Tell us about a problem
a11y-feedback = If something on the portal does not work for you, or you need a document in another format, write to us; we answer within 10 working days.
privacy-title = Privacy notice
privacy-lead = { $organisation } keeps the personal data below to run the calls for proposals of the programme. This notice says what is kept, why, for how long and who sees it.
privacy-what-h = What is kept
privacy-what-account = Your account: name, email address, language, role, and your password as a one-way hash (never the password itself).
privacy-what-security = For security: the time and network address of sign-ins, failed attempts and every change you make, in an audit trail that cannot be altered.
privacy-what-calls = The questions you ask on calls and the calls you follow.
privacy-what-mail = The emails the portal sends you (to deliver them and to show that they were sent).
privacy-what-cookies = One session cookie, needed to sign in and to protect forms; it ends when you sign out or after { $minutes } minutes without activity. No tracking or advertising cookies.
privacy-why-h = Why
privacy-why = To run the calls fairly and as the financing agreement requires: to let you take part, to tell you of answers and changes, to keep the portal secure, and to keep the record that auditors of EU funds check.
privacy-long-h = How long
privacy-long-unconfirmed = An account whose email address is never confirmed is removed after { $days } days.
privacy-long-mail = Sent emails are kept { $days } days.
privacy-long-records = The audit trail and everything that is part of a call's record are kept at least { $years } years after the programme's final payment (REC-01), as EU rules require.
privacy-who-h = Who sees it
privacy-who-public = The public sees published answers without the name of who asked.
privacy-who-staff = EU Delegation staff see the questions with who asked them, to answer them.
privacy-who-evaluators = Evaluators see only the applications assigned to them, after signing a declaration of impartiality and confidentiality.
privacy-who-auditors = Auditors read everything, without changing anything.
privacy-who-admins = Administrators manage accounts; no one can read your password.
privacy-rights-h = Your rights
privacy-rights = You may see and correct your name, email address and language yourself, and ask what else is kept about you. What belongs to the record of a call cannot be deleted before the end of its keeping period.
privacy-contact = Questions about your personal data:
calls-search = Search the calls
calls-search-words = Words
calls-search-location = Where
calls-search-applicant = Who may apply
calls-found = { $count ->
    [one] One call matches.
   *[other] { $count } calls match.
    }
calls-search-clear = Show all calls
confirm-edit = Change what I typed
audit-code = Code
audit-key-before = before
audit-key-after = after
audit-key-reason = reason
audit-key-explanation = explanation
audit-key-deadline = deadline
audit-key-opens-at = opens
audit-key-changes = changes
audit-key-number = number
audit-key-reference = reference
audit-key-language = language
audit-key-document = document
audit-key-file = file
audit-key-bytes = bytes
audit-key-version = version
audit-key-role = role
audit-key-email = email
audit-key-call = call
audit-key-warnings = warnings
audit-key-title = title
audit-key-corrigendum = corrigendum
audit-key-replaces = replaces
audit-key-name = name
grid-col-code = Code
grid-col-title = Criterion
grid-col-how = How it counts
grid-col-actions = Change
grid-col-role = Role of the section
grid-role-other = Other
grid-role-relevance = Relevance
grid-role-capacity = Capacity
grid-counts-twice = counts twice
grid-add-criterion = Add a sub-criterion
grid-add-section = Add a section
grid-edit-as-text = Edit as text
grid-edit-as-table = Edit as a table
