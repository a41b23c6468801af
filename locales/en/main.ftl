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
error-call-cancel-awarded = The award of this call is decided: it can no longer be cancelled (CFP-07). A contract is ended on its own page.
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
money-rows-hint = One row per line: a label (English, authentic; Kazakh and Russian for information, optional) and an amount in EUR. Empty the English label and the amount of a row to remove it; removed lines stay in the records.
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
translations-grids = Evaluation grids
translations-grids-hint = The titles of the sections and sub-criteria, as assessors, applicants (in their results) and the report read them. The English titles are authentic and change on the grids page; a translation whose English title changes is dropped.
translations-grid-concept = Concept note grid
translations-grid-full = Full application grid
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
error-required-for-title = Enter the title.
error-required-for-reference = Enter the reference (for example EuropeAid/150123/L/ACT/KZ).
error-required-for-call_type = Choose whether the call is restricted or open.
error-required-for-reason = Say why.
error-required-for-explanation = Explain the cancellation to applicants.
error-required-for-question = Write your question.
error-required-for-answer = Write the answer.
error-required-for-email = Enter your email address.
error-required-for-password = Enter your password.
error-required-for-display_name = Enter your name.
error-required-for-new_date = Enter the new date.
error-required-for-effective_on = Enter the day the addendum takes effect.
error-required-for-date_field = Choose the date that changes.
error-required-for-addendum_reference = Enter the addendum's reference.
error-text-too-long-for-title = The title is too long (at most 300 characters).
error-text-too-long-for-question = The question is too long (at most 4,000 characters).
nav-organisations = My organisations
organisations-title = My organisations
organisations-intro = An organisation is registered once and used for every call; colleagues you invite share its work as owner, editor or reader.
organisation-register = Register an organisation
organisation-invitations = Invitations to join
invitation-accept = Join
invitation-decline = Decline
organisations-mine = Organisations you work for
organisations-none = You belong to no organisation yet. Register yours, or ask a colleague to invite you.
organisation-form-title = Organisation
organisation-form-hint = As in the registration documents. A Kazakh organisation's registration number is its BIN (12 digits).
org-legal-name = Legal name
org-legal-name-local = Legal name in Kazakh or Russian
org-acronym = Acronym
org-legal-status = Legal status
org-country = Country
org-country-hint = Two-letter code: KZ for Kazakhstan.
org-oblast = Oblast (or national level)
org-registration-number = Registration number (BIN)
org-registration-hint = Kazakh organisations: the 12-digit BIN; others: the number of their registration.
org-address = Address
org-contact-email = Contact email
org-contact-phone = Contact telephone
org-year = Year of registration
org-staff = Staff
org-turnover = Annual turnover (EUR)
org-turnover-hint = Of the last closed year; used to judge the capacity to run an action.
organisation-your-role = Your role here: { $role }.
organisation-members = Members
organisation-role = Role
organisation-leave = Leave
organisation-pending = Invited, not joined yet:
organisation-invite = Invite a colleague
organisation-invite-button = Send the invitation
member-role-owner = owner
member-role-editor = editor
member-role-reader = reader
flash-organisation-registered = The organisation is registered; you are its owner.
flash-organisation-saved = The organisation's record is saved.
flash-member-invited = The invitation is sent.
flash-invitation-accepted = You now work for this organisation.
flash-invitation-declined = The invitation is declined.
flash-organisation-left = You have left the organisation.
flash-member-changed = The member is changed.
error-organisation-last-owner = An organisation keeps at least one owner: make another member owner first.
error-organisation-registered = An organisation with this registration number is already registered: ask its owner to invite you.
error-organisation-already-member = This person is already a member.
error-invitation-answered = This invitation has already been answered.
error-bin-format = A BIN is 12 digits, with the 5th digit 4, 5 or 6 (a legal entity).
error-bin-check-digit = This BIN's last digit does not match: check it against the registration certificate.
error-country-code = Give the country as its two-letter code (KZ).
error-year-registered = The year of registration must be between 1900 and this year.
error-number-range = This number is out of range.
email-organisation-invitation-subject = Invitation to work for { $organisation }
email-organisation-invitation-body = { $by } invites you to work for { $organisation } on the KAZLOD grants portal, as { $role }.
    
    Sign in (or register) with this email address and answer the invitation:
    { $link }
event-organisation-registered = Organisation registered
event-organisation-updated = Organisation changed
event-organisation-member-invited = Member invited
event-organisation-member-joined = Member joined
event-organisation-invitation-declined = Invitation declined
event-organisation-member-role-changed = Member's role changed
event-organisation-member-left = Member left
event-organisation-member-removed = Member removed
object-organisation = Organisation
apply-start-title = Start an application
apply-start-button = Start the application
apply-register-first = To apply, register your organisation first (or ask a colleague to invite you to it).
eligibility-problem-closed = This call does not accept applications now.
eligibility-problem-type = Your organisation's legal status is not among those this lot accepts (CFP-04).
eligibility-problem-country = Only organisations registered in Kazakhstan (or international organisations) may apply (CFP-04).
eligibility-problem-location = Your organisation's oblast is not among this lot's locations (CFP-04).
eligibility-problem-limit = Your organisation has reached the number of applications allowed in this call (APP-06).
flash-application-started = Your application is started. Write the concept note and save it as often as you like.
flash-concept-note-saved = The concept note is saved.
error-application-saved-meanwhile = Someone else saved this concept note while you were writing. Your text is below in the form and theirs above it: compare them, keep what is right, and save again.
error-application-deadline-passed = The deadline has passed: the application can no longer change.
error-application-duration = The duration is in months, from 1 to 48.
error-application-draft = This application is still a draft.
error-application-submitted = This application is submitted and can no longer change.
error-application-withdrawn = This application was withdrawn.
application-title = Application
application-untitled = Application without a title yet
application-status-draft = Draft
application-status-submitted = Submitted
application-status-withdrawn = Withdrawn
application-organisation = Organisation
application-call = Call
application-concept-note = Concept note
application-saved-at = last saved { $when }
application-theirs-intro = The version saved meanwhile:
application-theirs = Their version
application-field-title = Title of the action
application-section-relevance = Relevance of the action
application-section-design = Design of the action
application-words = { $words } of at most { $limit } words
application-words-over = { $words } words: { $limit } at most. Shorten it before submitting.
application-eu-contribution = Indicative EU contribution (EUR)
application-eu-contribution-hint = This lot: from { $min } to { $max }.
application-duration = Duration (months)
application-duration-hint = This lot: { $min } to { $max } months.
my-applications = Your organisations' applications
event-application-started = Application started
event-application-concept-note-saved = Concept note saved
object-application = Application
apply-started-title = Your applications to this call
organisation-edit-title = Change the organisation's record
application-submit-title = Submit the concept note?
application-submit-intro = You are about to submit the concept note, as last saved, to the call { $reference }.
application-submit-effect-frozen = What was last saved is submitted and can no longer change (save first what you typed).
application-submit-effect-receipt = You get a receipt: its number, the exact time on the portal's clock and the SHA-256 of what was submitted; every member of the organisation is emailed.
application-submit-effect-withdraw = You may withdraw it until { $deadline }.
application-submit-button = Submit the concept note
flash-application-submitted = The concept note is submitted. Receipt { $number }.
flash-application-withdrawn = The application is withdrawn.
application-receipt = Receipt
application-receipt-number = Number
application-submitted-at = Submitted
application-withdraw = Withdraw the application
application-withdraw-title = Withdraw the application?
application-withdraw-intro = You are about to withdraw your organisation's application to the call { $reference }.
application-withdraw-effect = It will not be evaluated, and cannot be submitted again; it no longer counts against the call's limit.
error-section-empty = Write this part.
error-section-too-long = This part has { $words } words, over its limit of { $limit }: shorten it.
error-eu-contribution-missing = Give the indicative EU contribution.
error-eu-contribution-range = The EU contribution { $amount } is outside this lot's grant range, { $min } to { $max } (APP-02).
error-duration-missing = Give the duration in months.
error-duration-range = The duration of { $months } months is outside this lot's range, { $min } to { $max } months (APP-03).
email-application-receipt-subject = Receipt { $number }: { $stage ->
        [full] full application submitted
       *[concept] concept note submitted
    }
email-application-receipt-body = The { $stage ->
        [full] full application
       *[concept] concept note
    } to the call { $call } was submitted on { $when } (Almaty time).
    
    Receipt number: { $number }
    SHA-256 of what was submitted: { $sha256 }
    
    { $link }
event-application-submitted = Application submitted
event-application-withdrawn = Application withdrawn
autosave-saved = Saved automatically at { $when }.
autosave-conflict = Not saved automatically: someone else saved meanwhile. Press Save to compare the two versions.
autosave-invalid = Not saved automatically: a field needs correcting. Press Save to see which.
error-application-changed-while-submitting = The concept note was saved again while you submitted it: nothing was submitted. Check the saved text and submit again.
application-stage = Stage
application-stage-concept-restricted = Concept note (restricted call)
application-stage-full-restricted = Full application (invited)
application-stage-full-open = Concept note and full application (open call)
application-stage-concept-open = Concept note
application-deadline = Deadline
application-unsubmitted-changes = Changes saved since the submission of { $when } are not submitted. The submitted version counts until you submit again before the deadline.
full-application = Full application
full-application-intro = Fill in each section; each is saved on its own, and the list shows what is still missing.
full-section-description = Description and sustainability
full-section-logframe = Logical framework
full-section-workplan = Work plan
full-section-budget = Budget and sources of funding
full-section-declaration = Declaration by the applicant
full-section-complete = Complete
full-section-missing = { $count ->
        [one] 1 thing missing
       *[other] { $count } things missing
    }
full-section-still-missing = Still missing before you can submit
application-theirs-saved-at = Saved by another member at { $when }. Your text is kept in the form below: compare, then save what should stay.
full-field-description = Description of the action
full-field-sustainability = Sustainability of the action
declaration-heading = Declaration
declaration-intro = On behalf of { $organisation }, the lead applicant, I declare that:
declaration-item-eligible = the applicant and its partners are eligible under the guidelines of the call;
declaration-item-exclusion = none of them is in any of the situations excluding them from EU grants (PRAG 2.6.10.1);
declaration-item-true = the information in this application is true and complete;
declaration-item-capacity = the applicant has the financial and operational capacity to carry out the action;
declaration-item-partners = the co-applicants and affiliated entities have given their mandate to the lead applicant.
declaration-signed = Signed by { $name } on { $when }.
declaration-name = Your full name
declaration-position = Your position in the organisation
declaration-sign = I sign the declaration
logframe-overall = Overall objective (impact)
logframe-specific = Specific objective (outcome)
logframe-result = Result { $number }
logframe-result-statement = Expected result
logframe-indicators = Indicators of result { $number }
logframe-hint = For each expected result, give indicators with their baseline and target. Where an indicator is about people, give the target for women and for men.
indicator-name = Indicator
indicator-baseline = Baseline
indicator-target = Target
indicator-people = About people
indicator-women = Target: women
indicator-men = Target: men
add-indicator = Add an indicator
add-result = Add a result
add-activity = Add an activity
add-budget-line = Add a budget line
activity-title = Activity
activity-result = Result
activity-month = Month { $month }
workplan-hint = Tick the months of the action in which each activity takes place (month 1 is the first month of the action).
workplan-duration-first = Give the duration of the action first (in the concept note part), so that its months and years are known.
budget-summary = Budget summary
budget-heading-1 = Human resources
budget-heading-2 = Travel
budget-heading-3 = Equipment and supplies
budget-heading-4 = Local office
budget-heading-5 = Other costs, services
budget-heading-6 = Other
budget-heading-7 = Subtotal direct eligible costs
budget-heading-8 = Contingency reserve
budget-heading-9 = Total direct eligible costs
budget-heading-10 = Indirect costs
budget-heading-11 = Total eligible costs
budget-eu-share = EU contribution as a share of total eligible costs
budget-co-financing = Co-financing (total eligible costs less the EU contribution)
budget-line-heading = Heading
budget-line-description = Description
budget-line-unit = Unit
budget-line-quantity = Number of units
budget-line-unit-cost = Unit cost (EUR)
budget-line-year = Year
budget-line-total = Total
budget-lines = Budget lines
budget-lines-hint = One line per cost: its heading, what it is, the unit (month, trip, piece), the number of units (up to two decimals) and the unit cost in euros, in the year of the action it falls in. Blank lines are left out.
budget-contingency-hint = At most 5% of the subtotal of direct costs (7).
budget-indirect-hint = At most 7% of total direct costs (9).
budget-funding = Sources of funding
funding-eu = EU contribution requested (EUR)
funding-own = Applicant's own contribution (EUR)
funding-other = Other donors (EUR)
funding-income = Income generated by the action (EUR)
funding-in-kind = Contributions in kind (EUR, for information)
funding-in-kind-hint = Not eligible costs: not counted in the totals or the sources.
budget-year-total = Year { $year }: { $amount }
budget-rules = Rules of the budget
rule-met = Met
rule-unmet = Not met
budget-rule-contingency = Contingency reserve { $amount }: at most 5% of direct costs, { $limit }.
budget-rule-indirect = Indirect costs { $amount }: at most 7% of total direct costs, { $limit }.
budget-rule-grant-range = EU contribution { $amount }: between { $min } and { $max } for this lot.
budget-rule-eu-share = EU share { $share } of total eligible costs: between { $min } and { $max }.
budget-rule-sources = Sources of funding { $sources } add up to total eligible costs { $total }.
budget-rule-duration = Duration { $months } months: between { $min } and { $max } months.
budget-rule-concept-estimate = EU contribution { $amount }: close enough to the concept note's { $estimate }, from { $min } to { $max }.
receipt-print = Receipt to print
receipt-package = Download what was submitted (JSON)
receipt-show = Receipt
receipt-size = Size
receipt-bytes = { $bytes } bytes
receipt-how-to-check = The SHA-256 is of the downloaded file, byte for byte: anyone can check it with sha256sum (Linux), shasum -a 256 (macOS) or Get-FileHash (Windows).
application-next = What to do next
application-next-draft = Complete every part and submit before { $deadline } (Almaty time).
application-next-resubmit = You changed the application after submitting it. Submit again before { $deadline } for the changes to count.
application-next-submitted = Submitted. Until { $deadline } you may still change it and submit again, or withdraw it.
application-concept-kept = The concept note is kept as submitted: the full application builds on it.
application-submissions = Submissions
submission-no = submission { $no }
submission-counts = counts
flash-section-saved = Section saved.
error-concept-note-kept = The concept note was submitted and cannot change any more.
error-full-application-not-invited = The full application can be written once the concept note is invited to one.
error-too-many-rows = Too many rows.
error-activity-month-outside = A month lies outside the duration of the action.
error-budget-line-heading = Choose a heading from 1 to 6.
error-budget-line-year = The year lies outside the duration of the action.
error-budget-too-large = The amounts are too large for any grant.
error-quantity-invalid = Enter the number of units, with at most two decimals (like 12 or 2.5).
error-logframe-no-results = Give at least one expected result.
error-result-statement = Describe the expected result.
error-result-no-indicator = Give at least one indicator for this result.
error-indicator-incomplete = Give the indicator with its baseline and target.
error-indicator-gender = This indicator is about people: give its target for women and for men.
error-workplan-empty = List at least one activity.
error-activity-title = Name the activity.
error-activity-no-month = Tick at least one month for the activity.
error-activity-result = Choose one of the expected results.
error-budget-no-lines = Give at least one budget line.
error-budget-line-incomplete = Give the description, unit, number of units and unit cost of the line.
error-declaration-unsigned = The declaration by the applicant is not signed yet.
submit-problems = What stops the submission
error-required-for-overall_objective = Give the overall objective.
error-required-for-specific_objective = Give the specific objective.
received-title = Received applications
received-envelopes = Requested against the envelopes
received-chart-title = EU contribution requested by the submitted applications of each lot, against the lot's envelope (the vertical mark)
received-chart-hint = Bars: EU contribution requested by the applications submitted and not withdrawn; mark: the lot's envelope. Red: more is requested than the envelope holds.
received-lot = Lot
received-submitted = Submitted
received-withdrawn = Withdrawn
received-requested = Requested
received-envelope = Envelope
received-ratio = Requested / envelope
received-search = Organisation, title or receipt
received-status = Status
received-oblast = Oblast
received-applicant-type = Applicant type
received-min = Requested from (EUR)
received-max = Requested up to (EUR)
received-sort = Sort by
received-sort-receipt = Receipt number
received-sort-requested_desc = Requested, largest first
received-sort-requested_asc = Requested, smallest first
received-sort-organisation = Organisation
received-sort-submitted_at = Time of submission
received-export-csv = Export as CSV
received-export-xlsx = Export as Excel (XLSX)
received-receipt = Receipt
received-organisation = Organisation
received-title-col = Title
received-submitted-at = Submitted (Almaty time)
received-none = No application matches.
received-requested-eur = EU contribution requested (EUR)
received-duration = Duration (months)
received-stage = Stage
error-amount-invalid-for-min = The lower amount is not an amount in euros; it was left out.
error-amount-invalid-for-max = The upper amount is not an amount in euros; it was left out.
received-invite-choose = Invite
received-invite-this = Invite { $receipt } to the full application
received-invite-title = Invite to submit a full application
received-invite-hint = Tick the concept notes to invite. Each organisation is emailed the deadline; the concept note is kept as submitted.
received-invite-deadline = Full-application deadline (Almaty time)
received-invite-deadline-hint = As 2027-03-15 18:00; at least the call's invitation period from today (CFP-02).
received-invite-button = Invite the ticked applicants
flash-invited = { $count ->
        [one] One applicant invited to submit a full application.
       *[other] { $count } applicants invited to submit a full application.
    }
error-invite-none-chosen = Tick at least one concept note to invite.
error-invite-open-call = An open call has no invitation: its applications are full applications from the start.
error-invite-before-deadline = Concept notes can be invited once their deadline has passed.
error-invite-deadline-too-soon = The full-application deadline must leave the call's invitation period (CFP-02) from today.
error-invite-deadline-missing = Give the full-application deadline, as 2027-03-15 18:00.
error-invite-already-invited = One of the applications was already invited.
error-invite-not-submitted = Only submitted concept notes can be invited; one of them is not (withdrawn, or changed meanwhile).
email-full-application-invitation-subject = Invitation to submit a full application: { $call }
email-full-application-invitation-body = Your concept note { $number } to the call { $call } is invited to submit a full application.
    
    Deadline: { $deadline } (Almaty time).
    
    { $link }
next-write = Complete and submit before { $deadline }.
next-full = Invited: write and submit the full application before { $deadline }.
next-missed = Not submitted before the deadline.
next-resubmit = Changed since submitting: submit again before { $deadline } for the changes to count.
next-wait = Submitted. The evaluation follows; you will be told the result.
next-withdrawn = Withdrawn: nothing to do.
staff-rejected-for = Rejected: { $reasons }.
staff-registration-number = Registration number
check-title = Administrative check (ADM-02)
check-passed = Passed
check-failed = Failed: rejected
check-recorded-at = Recorded on { $when }.
check-yes = Yes
check-no = No
check-hint = Answer every item. A "No" rejects the application without evaluation: say why, the applicant is told.
check-comment = Comment
check-record = Record the check
check-waits = The check is recorded after the deadline.
check-not-applicable = No check to record at this stage.
check-item-deadline = Deadline respected
check-item-form = Right application form used
check-item-declaration = Declaration by the applicant signed
check-item-language = Written in a language of the call
check-item-budget = Budget in EUR in the required format
check-item-logframe = Logical framework included
check-item-mandates = Mandates of co-applicants and affiliated entities
flash-check-passed = Check recorded: the application passes to evaluation.
flash-check-rejected = Check recorded: the application is rejected and its applicant told.
error-check-item-missing = Answer this item.
error-check-item-twice = This item was answered twice.
error-check-item-unknown = Unknown item.
error-check-comment-required = Say why the item is not met: the applicant is told.
error-check-before-deadline = The administrative check is recorded after the deadline.
error-check-already-recorded = The check of this stage is already recorded.
error-application-rejected = The application was rejected.
error-application-changed = The application changed meanwhile; reload the page.
application-status-rejected = Rejected
event-application-rejected = Application rejected
email-application-rejected-subject = Application { $number } rejected after the administrative check
email-application-rejected-body = Your application { $number } to the call { $call } does not pass the administrative check and is rejected without evaluation, for these reasons:
    
    { $reasons }
    
    { $link }
event-application-full-section-saved = Full application section saved
event-application-invited = Invited to the full application
event-application-administrative-check = Administrative check recorded
opening-title = Opening record
opening-made-at = Opened on { $when }. The record lists what had arrived by the deadline and what was refused as late (ADM-01).
opening-in_time = Received in time ({ $count })
opening-withdrawn = Withdrawn before the deadline ({ $count })
opening-late = Refused as late ({ $count })
opening-attempted-at = Attempted (Almaty time)
opening-none = None.
opening-explain = Opening records, once, every application received in time, those withdrawn, and every submission refused after the deadline. It cannot be redone.
opening-button = Open the received applications
flash-opened = The received applications are opened; the record is below.
error-opening-before-deadline = The applications can be opened once the deadline has passed.
error-opening-done = The applications of this call were already opened.
event-call-opened = Received applications opened
event-application-late-submission-refused = Late submission refused
partners-title = Co-applicants, affiliated entities and associates
partners-hint = Name the organisations that take part, by their registration number in the registry (each registers once). Co-applicants and affiliated entities give the lead applicant a mandate: upload it signed (PDF, DOCX or ODT).
partners-none = No partner named: the lead applicant acts alone.
partner-role-co_applicant = Co-applicant
partner-role-affiliated_entity = Affiliated entity
partner-role-associate = Associate
partner-mandate = Mandate
partner-mandate-missing = Mandate missing
partner-mandate-upload = Upload the signed mandate
upload = Upload
partner-remove = Remove { $name }
partner-registration-number = Registration number of the partner
partner-registration-hint = The BIN for a Kazakh organisation; the partner registers in the portal first.
partner-role = Role
partner-add = Name this partner
flash-partner-added = Partner named.
flash-partner-removed = Partner removed.
flash-mandate-added = Mandate uploaded.
error-partner-role = Choose the partner's role.
error-partner-unknown = No organisation with this registration number is registered; the partner registers in the portal first.
error-partner-is-lead = That is the lead applicant itself.
error-partner-twice = This organisation is already named.
error-mandate-missing = A co-applicant or affiliated entity has no mandate yet.
event-application-partner-added = Partner named
event-application-partner-removed = Partner removed
event-application-mandate-added = Mandate uploaded
partner-no-mandate-needed = no mandate
annexes-title = Annexes
annexes-hint = Attach the documents the call's guidelines ask for (legal entity sheet, financial identification form, CVs, letters of support…): PDF, DOCX or ODT, at most { $size } each, up to { $max } annexes. A file with the title of an existing annex replaces it (the earlier one is kept). Each submission names the annexes it contains with their SHA-256.
annexes-none = No annexes yet.
annex-version = version { $version }
annex-remove = Remove “{ $title }”
annex-title = Title of the annex
annex-title-hint = What the document is, e.g. “Legal entity sheet” or “CV of the project manager”.
annex-file = File
flash-annex-added = Annex “{ $title }” uploaded.
flash-annex-removed = Annex removed.
error-annex-title = Give the annex a title.
error-annex-title-long = The annex title must be at most 200 characters, on one line.
error-annex-too-many = This application already has the largest number of annexes (20). Remove one, or upload the file under the title of the annex it replaces.
event-application-annex-added = Annex uploaded
event-application-annex-removed = Annex removed
error-annex-file-missing = Choose a file to upload.
opening-stage-call-restricted = Concept notes (call deadline)
opening-stage-call-open = Applications (call deadline)
opening-stage-full-restricted = Full applications (invited)
opening-not_submitted = Invited but not submitted ({ $count })
opening-not-before = Can be opened after { $when }.
opening-nothing-yet = Nothing to open yet: no application has been invited to submit a full application.
error-opening-nothing-to-open = There is nothing to open at this stage.
nav-evaluation = Evaluation
evaluation-title = Evaluation
evaluation-no-seats = You do not serve on any evaluation committee.
evaluation-your-seat = Your role on this call's committee: { $role }.
evaluation-my-assignments = Applications assigned to you
evaluation-no-assignments = Nothing is assigned to you yet.
evaluation-stage = Stage
evaluation-stage-concept = Concept note
evaluation-stage-full = Full application
evaluation-your-total = Your total
evaluation-your-code = Your assessor code
evaluation-progress-unassigned = Needs assessors
evaluation-progress-scoring = Being scored
evaluation-progress-divergent = Divergent scores
evaluation-progress-scored = Scored
evaluation-progress-rejected = Rejected
committee-title = Evaluation committee
committee-hint = EVC-01: a non-voting chair and secretary, an odd number of at least three voting evaluators, a replacement evaluator; observers and assessors as needed. Seats go to people with an evaluator or EU Delegation account and are per call.
committee-incomplete = The committee cannot start the evaluation yet:
committee-complete = The committee is complete: the evaluation can start.
committee-members = Members
committee-code = Code
committee-person = Person
committee-role = Role
committee-declaration = Declaration
committee-signed = Signed
committee-not-signed = Not signed
committee-remove = Remove
committee-actions = Actions
committee-empty = Nobody has a seat yet.
committee-add = Give a seat
committee-email = Email address
committee-email-hint = The person must already have an evaluator or EU Delegation account.
committee-add-button = Give the seat
committee-role-chair = Chair (non-voting)
committee-role-secretary = Secretary (non-voting)
committee-role-evaluator = Voting evaluator
committee-role-replacement = Replacement evaluator
committee-role-assessor = Assessor
committee-role-observer = Observer
committee-problem-no-chair = There is no chair.
committee-problem-two-chairs = There is more than one chair.
committee-problem-no-secretary = There is no secretary.
committee-problem-two-secretaries = There is more than one secretary.
committee-problem-few-evaluators = There must be at least three voting evaluators.
committee-problem-even-evaluators = The number of voting evaluators must be odd.
committee-problem-no-replacement = There is no replacement evaluator.
declaration-title = Declaration of impartiality and confidentiality
declaration-staff-before-access = Whoever opens, checks or reads this call's applications signs this declaration first, Delegation staff included (EVC-02). Your signature is recorded with the text, its version and the time.
declaration-first-title = Sign the declaration to read this application
declaration-first-lead = The applications of { $reference } are read only by people who signed the call's declaration of impartiality and confidentiality.
error-declaration-first = Sign the call's declaration of impartiality and confidentiality first (EVC-02).
error-content-sealed = The applications stay sealed until the deadline: nobody reads them before (CFP-06, EVC-02).
declaration-before-access = You see no application and no score of this call until you sign this declaration (EVC-02). Your signature is recorded with the text, its version and the time.
declaration-evc-text =
    I, the undersigned, agree to take part in the evaluation of the call for proposals { $reference }, { $call }.
    
    I declare that I will carry out my duties honestly and fairly, that I am independent of every applicant and partner of this call, and that I know of no fact that could call my impartiality into question. Should I find, during the evaluation, that such a fact exists or has arisen, I will declare it at once and stop taking part in the evaluation of the application concerned.
    
    I will keep in confidence everything I learn in the evaluation, I will not disclose any application, score or deliberation to anyone outside the committee, and I will not keep copies of any document after the evaluation.
declaration-signed-at = You signed the declaration (version { $version }) on { $when }.
conflict-title = Conflict of interest
conflict-hint = Before you read the application, say whether you have a conflict of interest with the applicant or any partner (EVC-02). If you do, you are removed from this application and the chair assigns someone else.
conflict-question = Do you have a conflict of interest with this application?
conflict-none = No, I have no conflict of interest
conflict-yes = Yes, I have a conflict of interest
conflict-note = What the conflict is
conflict-note-hint = Needed when you declare a conflict; seen by the committee only.
conflict-answer = Answer
conflict-before-content = The application's content is shown once you have answered the question about conflicts of interest.
sheet-title = Your scores
sheet-hint = Score each sub-criterion from 1 (very poor) to 5 (very good); sub-criteria marked ×2 count twice. Write a comment for each section. Save as often as you like: nobody sees your scores until you submit them.
sheet-carried = Not scored again at this stage (carried over from the concept note): { $sections }.
sheet-max = at most { $max } points
sheet-comment = Comment on section { $section }
sheet-save = Save scores
sheet-submit-title = Submit your scores
sheet-saved-at = Last saved on { $when }.
sheet-total = Total
sheet-submit-hint = Check the totals above. Once submitted, your scores are final and you see the other assessors' totals.
sheet-submit = Submit final scores
sheet-incomplete = Save a score for every sub-criterion and a comment for every section before you submit.
sheet-others = Other assessors' totals
score-scale-1 = very poor
score-scale-2 = poor
score-scale-3 = adequate
score-scale-4 = good
score-scale-5 = very good
assignment-status-pending = Conflict question open
assignment-status-accepted = Scoring
assignment-status-submitted = Submitted
assignment-status-conflicted = Conflict declared
assignment-status-replaced = Replaced
assignment-origin-manual = assigned by hand
assignment-origin-automatic = assigned automatically
assignment-origin-divergence = further assessor (divergence)
assignment-origin-replacement = replacement
board-title-concept = Evaluation of concept notes
board-title-full = Evaluation of full applications
board-not-open = This stage's evaluation starts after its deadline.
board-assign-auto = Assign assessors automatically
board-assign-auto-hint = Gives every application the required number of assessors, balancing the load and never assigning a declared conflict or a member of the applicant organisation. Running it again only fills what is missing.
board-what-if = What if the envelope changed?
board-what-if-hint = Try another envelope per lot (in euros) and see who would be selected. Nothing is stored.
board-envelope-eur = envelope (EUR)
board-what-if-show = Show the selection
board-what-if-reset = Back to the real envelopes
board-envelope = Envelope { $envelope } · selected { $selected } · left { $left }
board-what-if-badge = What-if figure (the lot's envelope is { $own })
board-provisional =
    Provisional: { $count ->
        [one] 1 application is
       *[other] { $count } applications are
    } still being scored or have divergent scores.
board-rank = Rank
board-requested = EU contribution requested
board-assessors = Assessors
board-score = Score
board-outcome = Outcome
board-tied = Tied with the next application on every ranking key; ordered by receipt
board-replace = Replace
board-add-assessor = Add assessor
board-shortlisted = Shortlisted
board-divergent = Two assessors differ by more than the threshold.
board-resolution = Resolution
board-resolution-note = How the committee resolved the divergence
board-resolve = Record the resolution
board-empty = No application at this stage.
placement-selected = Provisionally selected
placement-reserve = Reserve list
threshold-concept-below-pass = Below the concept-note threshold
threshold-capacity-below-minimum = Capacity below the minimum
threshold-capacity-scored-one = A capacity sub-criterion scored 1
error-committee-role = Choose a role on the committee.
error-committee-email = Enter the person's email address.
error-committee-no-such-user = No active account has this email address.
error-committee-wrong-role = Only evaluators and EU Delegation staff can sit on a committee.
error-committee-already-member = This person already has a seat on this committee.
error-committee-member-has-work = This member still has unfinished assignments: replace them first.
error-evaluation-committee-incomplete = The committee is not complete yet (EVC-01).
error-evaluation-not-open = This stage's evaluation has not started: its deadline has not passed.
error-assign-no-application = This application is not evaluated at this stage.
error-assign-not-scorer = Choose a committee member who scores.
error-assign-already = This person is already on this application, or was removed from it.
error-assign-own-organisation = This person belongs to the applicant organisation.
error-assign-conflict = This person declared a conflict of interest with this applicant (at this or an earlier stage): they may not assess its applications (EVC-02).
error-assign-nobody-left = No committee member is left who may assess this application.
error-assignment-conflict-first = Answer the question about conflicts of interest first.
error-assignment-submitted-stays = A submitted score sheet stays on the record; it cannot be replaced.
error-assignment-already-submitted = These scores are already submitted.
error-assignment-ended = This assignment has ended.
error-assignment-already-answered = The question about conflicts of interest is already answered.
error-assignment-already-replaced = This assessor has already been replaced.
error-conflict-answer-missing = Say whether you have a conflict of interest.
error-conflict-note-missing = Say what the conflict of interest is.
error-score-range = Choose a score from 1 to 5.
error-score-missing = Score this sub-criterion.
error-score-comment-missing = Write a comment on this section.
error-score-comment-too-long = The comment is too long (at most 5,000 characters).
error-score-unknown-criterion = This grid has no such sub-criterion.
error-resolution-note-missing = Say how the divergence was resolved.
error-resolution-scoring-open = Wait until every assessor has submitted their scores.
error-resolution-not-divergent = These scores do not diverge.
error-resolution-recorded = The resolution is already recorded.
flash-committee-member-added = The seat is given and the person is told by email.
flash-committee-member-removed = The seat is taken away.
flash-declaration-signed = Your declaration is signed.
flash-no-conflict = Thank you. You can now read and score the application.
flash-conflict-declared = Your conflict of interest is recorded; the chair will assign someone else.
flash-sheet-saved = Your scores are saved. Nobody sees them until you submit them.
flash-sheet-submitted = Your scores are submitted.
flash-assigned =
    { $count ->
        [one] 1 assignment made.
       *[other] { $count } assignments made.
    }
flash-assign-short = Not enough assessors for: { $numbers }. Add committee members or assign by hand.
flash-assigned-one = The assessor is assigned.
flash-assessor-replaced = The assessor is replaced; the history is kept.
flash-divergence-resolved = The resolution is recorded.
email-committee-seat-subject = Evaluation committee: { $call }
email-committee-seat-body =
    You have a seat on the evaluation committee of the call { $call }, as { $role }.
    
    Before you see any application you sign the declaration of impartiality and confidentiality:
    { $link }
email-assessor-assigned-subject = Applications to assess: { $call }
email-assessor-assigned-body =
    { $count } applications of the call { $call } are assigned to you. For each, first say whether you have a conflict of interest, then score it:
    { $link }
email-conflict-declared-subject = Conflict of interest declared: { $call }
email-conflict-declared-body = An assessor declared a conflict of interest with application { $number } of the call { $call } and was removed from it. Please assign a replacement on the evaluation board.
event-committee-member-added = Committee seat given
event-committee-member-removed = Committee seat taken away
event-committee-declaration-signed = Declaration of impartiality signed
event-evaluation-assigned = Assessor assigned
event-evaluation-conflict-declared = Conflict of interest declared
event-evaluation-no-conflict-confirmed = No conflict of interest confirmed
event-evaluation-sheet-saved = Scores saved
event-evaluation-sheet-submitted = Scores submitted
event-evaluation-divergence-flagged = Divergent scores flagged
event-evaluation-divergence-resolved = Divergence resolved
board-invite = Invite the shortlist
board-invite-hint = GRD-03: the concept notes on each lot's shortlist (ranked, above the threshold, until their requests reach the share of the envelope) are invited to submit a full application; each organisation is emailed the deadline. It follows the concept-note report the EU Delegation approved (SEL-03); before that approval nobody is invited.
board-invite-deadline = Full-application deadline (Almaty time)
board-invite-button = Invite the shortlisted applicants
error-invite-evaluation-open = Some concept notes are still being scored or have divergent scores: finish the evaluation first.
error-invite-none-shortlisted = No concept note on the shortlist is waiting for an invitation.
error-evaluation-stage = The stage is concept or full.
report-title = Evaluation report
report-seated-approver = You hold a seat on this call's committee: another Delegation officer approves its report (SOD-01).
error-sod-committee-approves = A member of the call's committee does not approve its report: another Delegation officer decides (SOD-01).
error-sod-payment-approver = You approved the report that released this tranche: another officer records its payment (SOD-01).
report-xlsx = Download as XLSX
report-print-hint = This page prints as the report.
report-versions = Versions
report-version = Version
report-submitted-at = Submitted
report-decided-at = Decided
report-comments = Comments
report-submit-title = Submit the report
report-submit-hint = The report below records every application with its scores, ranking, selection, reserve list and reasons. Once submitted, the EU Delegation approves it or sends it back; nothing is sent to applicants before approval (SEL-03).
report-submit = Submit the evaluation report
report-decide-title = Award decision
report-decide-hint = Approving the report is the award decision: the outcomes below become final and the applicants can be notified.
report-confirm = I have read the report and approve the award decision
report-approve = Approve the report
report-return-hint = Say what the committee must look at again.
report-return = Send back to the committee
report-envelope = Envelope { $envelope } · selected { $selected }
report-sections = Scores by section
report-eu-share = EU share
report-concept-score = Concept note
report-locality = Locality
report-reason = Reason
lot-label-plain = Lot
report-status-open = Being prepared
report-status-submitted = Waiting for the EU Delegation
report-status-returned = Sent back to the committee
report-status-approved = Approved
outcome-awarded = Awarded
outcome-reserve = Reserve list
outcome-rejected = Not successful
reason-late = Late
reason-incomplete = Incomplete
reason-not-eligible = Not eligible
reason-below-threshold = Below the threshold
reason-not-selected-within-envelope = Not selected within the available funds
reason-supporting-documents = Supporting documents missing or inconsistent
notice-title = Notifying the applicants
notice-urgency-done = Done
notice-urgency-due = Due
notice-urgency-soon = Due soon
notice-urgency-overdue = Overdue
notice-successful = Successful applicants by { $by } (NOT-01); waiting: { $count }.
notice-others = Other applicants, with their reason and scores, by { $by }; waiting: { $count }.
notice-publication = Awarded grants are published by { $by } (PUB-01); they appear on the public list once their applicants are told.
notice-send-successful = Notify the successful applicants
notice-send-others = Notify the other applicants
awards-title = Awarded grants
awards-lead = Grants awarded under the programme's calls for proposals (PUB-01): beneficiary, locality, purpose, amount and EU share.
awards-csv = Download as CSV
awards-beneficiary = Beneficiary
awards-purpose = Purpose
awards-amount = Amount (EU contribution)
awards-year = Year
awards-none = No grant has been awarded yet.
error-report-approved = The report is approved; it no longer changes.
error-report-waiting = The report is waiting for the EU Delegation.
error-report-not-submitted = No report is waiting for a decision.
error-report-evaluation-open = Some applications are still being scored or have divergent scores: finish the evaluation first.
error-report-full-stage-open = A full-application deadline has not passed yet.
error-report-nothing-at-full-stage = No application has reached the full-application stage yet.
error-report-comments-missing = Say why the report is sent back.
error-report-confirm = Tick the box to confirm the award decision.
error-report-decision = Choose what to do.
error-notify-before-approval = Applicants are told only after the report is approved (SEL-03).
error-notify-successful-first = Notify the successful applicants first (NOT-01).
flash-report-submitted = The report is submitted to the EU Delegation.
flash-report-approved = The report is approved: the award decision is recorded.
flash-report-returned = The report is sent back to the committee.
flash-notified =
    { $count ->
        [one] 1 application notified.
       *[other] { $count } applications notified.
    }
email-award-successful-subject = Your application is selected: { $call }
email-award-successful-body =
    We are pleased to tell you that your application { $number } to the call { $call } is selected for a grant of up to { $amount }, subject to the signature of the grant contract.
    
    The EU Delegation will contact you to prepare it:
    { $link }
email-award-reserve-subject = Your application is on the reserve list: { $call }
email-award-reserve-body =
    Your application { $number } to the call { $call } could not be selected within the available funds and is on the reserve list. You will be told if funds become available.
    
    Your scores by section:
    { $scores }
email-award-unsuccessful-subject = Result of your application: { $call }
email-award-unsuccessful-body =
    We regret to tell you that your application { $number } to the call { $call } is not selected.
    
    Reason: { $reason }
    
    Your scores by section:
    { $scores }
event-award-report-submitted = Evaluation report submitted
event-award-report-approved = Evaluation report approved (award decision)
event-award-report-returned = Evaluation report sent back
event-award-successful-notified = Successful applicants notified
event-award-unsuccessful-notified = Other applicants notified
supporting-title = Supporting documents
supporting-asked = The evaluation committee asked for these documents on { $when } (SEL-02). Upload each one; a missing or inconsistent document rejects the application.
supporting-passed = Checked: complete
supporting-failed = Checked: missing or inconsistent
supporting-missing = Not given yet
supporting-file = File for: { $document }
supporting-check = Check of the supporting documents of { $number }
supporting-check-passed = Complete and consistent
supporting-check-failed = Missing or inconsistent (rejects the application)
supporting-note = Note (needed when the check fails)
supporting-record = Record the check
supporting-request = Ask for supporting documents
supporting-request-hint = SEL-02: the provisionally selected and reserve applicants are emailed the list of documents to upload.
supporting-statutes = Statutes of the applicant and co-applicants
supporting-legal-entity = Legal entity sheet
supporting-financial-identification = Financial identification form
supporting-accounts = Latest accounts (profit and loss, balance sheet)
supporting-audit-report = External audit report (grant over EUR 750,000)
error-supporting-nobody = Nobody selected or on the reserve list is waiting to be asked.
error-supporting-not-asked = No supporting documents were asked of this application.
error-supporting-checked = The documents are already checked.
error-supporting-unknown = This document was not asked for.
error-supporting-note-missing = Say what is missing or inconsistent.
error-supporting-incomplete = Some documents are missing: the check cannot pass.
error-supporting-result-missing = Choose the result of the check.
error-report-supporting-open = The supporting documents of every selected application must be checked first (SEL-02).
flash-supporting-requested =
    { $count ->
        [one] 1 applicant asked for supporting documents.
       *[other] { $count } applicants asked for supporting documents.
    }
flash-supporting-uploaded = The document is uploaded.
flash-supporting-checked = The check is recorded.
flash-supporting-moved-up = The check is recorded; moved up from the reserve list: { $numbers }.
email-supporting-requested-subject = Supporting documents needed: { $call }
email-supporting-requested-body =
    Your application { $number } to the call { $call } is provisionally selected or on the reserve list. Please upload these documents on the application's page:
    
    { $documents }
    
    { $link }
event-award-supporting-requested = Supporting documents asked for
event-award-supporting-uploaded = Supporting document uploaded
event-award-supporting-checked = Supporting documents checked
nav-contracts = Contracts
yes = Yes
no = No
overdue = Overdue
contracts-title = Grant contracts
contracts-awaiting = Awards waiting for a contract
contracts-awaiting-hint = Awarded applications of approved evaluation reports (SEL-03). Every contract must be signed by the programme's contracting deadline (TL-02).
awards-eu-share = EU share
contracts-decided = Award decided
contracts-prepare = Prepare the contract
contracts-all = Contracts
contracts-none = No contract yet.
contract-number = Contract number
contract-max-eu = Maximum EU contribution
contract-start = Start
contract-end = End
contract-prepare-title = Prepare a grant contract
contract-award = The award
contract-contracting-deadline = Contracts signed by (TL-02)
contract-operational-end = Operational phase ends (TL-03)
contract-longest-today =
    Signed today, the action may last at most { $months ->
        [one] 1 month
       *[other] { $months } months
    } (48 at most, ending by the end of the operational phase).
contract-max-eu-hint = In euros; never more than awarded ({ $amount }).
contract-eu-share = EU share of eligible costs (%)
contract-eu-share-hint = Never more than awarded ({ $share }).
contract-duration = Duration (months)
contract-duration-hint = From 1 to { $months } if signed today.
contract-agreed-start = Agreed start
contract-agreed-start-hint = Optional. Otherwise the action starts the day after the last signature.
contract-lead-abroad = The lead applicant is based outside Kazakhstan (final report within 6 months instead of 3)
contract-lead-abroad-short = Lead based abroad
contract-save = Save the contract
contract-title = Grant contract
contract-terms = Terms
contract-awarded = awarded { $amount }, { $share }
contract-months =
    { $months ->
        [one] 1 month
       *[other] { $months } months
    }
contract-keep-until = Records kept until (REC-01)
contract-end-reason = Reason
contract-no-payment-deadline = No payment has been made. Without one by { $date }, the contract is terminated automatically (CON-03).
contract-signature = Signature
contract-sent-at = Signed by the EU Delegation and sent
contract-countersign-by = To be countersigned by
contract-countersign-late = Deadline passed
contract-countersigned-at = Countersigned
contract-edit-terms = Change the terms
contract-send-hint = Sending signs the contract for the EU Delegation. The terms are checked today: signed today, the action could last at most { $months } months; with the current duration it would end on { $end }. The beneficiary then has 30 days to countersign.
contract-send = Sign and send to the beneficiary
contract-countersign-hint = Countersign by { $by }: upload the contract signed by your legal representative (PDF or scan). The action starts the next day unless a later start was agreed.
contract-start-if-signed-today = Countersigned today, the action starts on { $start }.
contract-start-agreed-passed = The agreed start, { $agreed }, has come: countersigned today, the action starts on { $start } (CON-02).
contract-signed-file = Signed contract
contract-countersign-confirm = I countersign this contract on behalf of the beneficiary.
contract-countersign = Countersign
contract-payments = Payments
contract-paid-so-far = Paid so far: { $paid }. Still to pay up to the maximum: { $left }.
tranche = Tranche
tranche-kind = Kind
tranche-planned = Planned
tranche-payable = Payable
tranche-paid = Paid
tranche-due = Due by
tranche-after-report = after report { $report } is approved
tranche-kind-pre-financing = First pre-financing
tranche-kind-further = Further pre-financing
tranche-kind-balance = Balance
payment-kind-payment = Payment
payment-kind-recovery = Recovery
contract-payments-made = Payments made
contract-final-grant = Final grant: { $amount }.
contract-recovery-due = To recover: { $amount }
contract-record-payment = Record a payment
payment-amount = Amount (EUR)
payment-date = Paid on
payment-reference = Payment order or bank reference
payment-is-recovery = This is money recovered from the beneficiary (CON-04)
contract-release-arithmetic = PAY-02: planned { $planned }; needed spent { $required } (100% of earlier payments and 70% of the previous one); EU-financed spending reported { $spent }; reduced by { $shortfall }; above the 90% pre-financing cap { $over_cap }; payable { $payable }.
contract-final-arithmetic = CON-04: EU share of accepted costs { $by_share }, maximum { $maximum }, final grant { $grant }; paid { $paid }; balance { $balance }; to recover { $recovery }.
contract-reports = Reports
contract-report-kind-interim = Interim report
contract-report-kind-final = Final report
contract-report-status-due = Due
contract-report-status-submitted = Submitted
contract-report-status-information-requested = More information asked
contract-report-status-approved = Approved
contract-report-period = Period ending { $end }; due by { $due }.
contract-report-verification = with an expenditure verification report (AUD-01)
contract-report-information = Please answer by { $by } (30 days, REP-01).
contract-report-costs = Eligible costs incurred: { $amount }
contract-report-accepted = accepted: { $amount }
contract-report-missing = Still to upload:
report-document = Document
report-file = File (PDF, DOCX or ODT)
report-document-narrative = Narrative report
report-document-financial = Financial report
report-document-verification = Expenditure verification report
contract-report-summary = Summary of the period
contract-report-costs-label = Eligible costs incurred to date (EUR)
contract-report-costs-hint = All eligible costs of the action since its start, as in the financial report.
contract-report-submit = Submit the report
contract-report-accepted-label = Accepted eligible costs (EUR, final report)
contract-report-accepted-hint = Leave empty to accept the costs as reported.
contract-report-approve = Approve the report
contract-report-ask = What information is missing
contract-report-ask-button = Ask for more information
contract-closure = Closure and termination
contract-close-hint = Closing needs the final report approved and the balance paid, or the recovery recorded, in full.
contract-close = Close the contract
contract-terminate-confirm = I confirm: this cannot be undone.
contract-withdraw = Withdraw the contract
contract-terminate = Terminate the contract
contract-versions = Versions
contract-status-draft = Draft
contract-status-sent = Waiting for countersignature
contract-status-active = Being implemented
contract-status-suspended = Suspended
contract-status-closed = Closed
contract-status-terminated = Terminated
contract-status-withdrawn = Withdrawn
contract-version-prepared = Prepared
contract-version-terms-changed = Terms changed
contract-version-sent = Signed and sent
contract-version-countersigned = Countersigned
contract-version-closed = Closed
contract-version-terminated = Terminated
contract-version-withdrawn = Withdrawn
flash-contract-saved = The contract is saved.
flash-contract-sent = The contract is signed and sent to the beneficiary.
flash-contract-countersigned = The contract is countersigned. The payment schedule and the reports are set.
flash-payment-recorded = The payment is recorded.
flash-report-document-uploaded = The document is uploaded.
flash-contract-report-submitted = The report is submitted.
flash-contract-report-decided = The decision is recorded.
flash-contract-closed = The contract is closed.
flash-contract-terminated = The contract is ended.
error-contract-amount = Enter the maximum EU contribution, more than zero.
error-contract-above-award = The maximum EU contribution cannot be higher than awarded (CON-01).
error-contract-share = Enter the EU share as a percentage above 0 and at most 100.
error-contract-share-above-award = The EU share cannot be higher than awarded (CON-01).
error-contract-signature-late = Contracts cannot be signed after the programme's contracting deadline (TL-02, never extended).
error-contract-start-early = An agreed start must come after the day of signature.
error-contract-duration = Enter a duration from 1 to 48 months.
error-contract-end-late = With this start and duration the action would end after the operational phase (TL-03): the longest duration possible is { $longest } months.
error-contract-ended = This contract has ended.
error-contract-not-sent = The contract has not been signed and sent yet.
error-contract-not-countersigned = The contract is waiting for the countersignature.
error-contract-suspended = The contract is suspended.
error-contract-active = The contract is already being implemented.
error-contract-report-approved = This report is already approved.
error-contract-report-waiting = This report is waiting for the EU Delegation's decision.
error-contract-report-not-submitted = This report has not been submitted.
error-addendum-notice = An addendum must be requested at least 30 days before it takes effect (AMD-01).
error-addendum-after-end = An addendum can only take effect during implementation.
error-addendum-raises-grant = An addendum can never raise the maximum grant (AMD-01).
error-addendum-lower-maximum = An addendum does not lower the maximum EU contribution: the final grant does, from the accepted costs (CON-04).
error-addendum-extension-notice = An extension must be requested at least one month before the end date (AMD-01).
error-addendum-not-later = An extension must move the end date later.
error-contract-number = Enter the contract number (at most 80 characters).
error-contract-number-taken = Another contract already has this number.
error-contract-not-draft = The contract is signed: its terms change only by addendum.
error-contract-countersign-late = The 30 days to countersign have passed (CON-01). Ask the EU Delegation.
error-payment-amount = Enter an amount above zero.
error-payment-reference = Enter the payment order or bank reference.
error-payment-tranche = Choose the tranche paid.
error-payment-date = The payment date must lie between the countersignature and today.
error-recovery-none = No recovery is due on this contract.
error-payment-not-released = This tranche is not released yet: its report must be approved first (PAY-02).
error-payment-above-tranche = The amount is more than what is still payable on this tranche.
error-report-document = Choose which document of the report this is.
error-contract-not-running = The contract is not being implemented.
error-report-summary = Write a summary of the period (at most 20,000 characters).
error-report-costs = Enter the eligible costs in euros.
error-report-verification-missing = The expenditure verification report is required with this report (AUD-01).
error-report-documents-missing = Upload the narrative and the financial report first.
error-report-period-open = This report covers the period to { $end }: it can be submitted from { $from } (REP-01).
error-report-comment = Say what information is missing.
error-contract-final-report-open = The final report must be approved first.
error-contract-settlement-open = The balance must be paid, or the recovery recorded, in full first.
error-contract-reason = Give the reason.
error-contract-confirm = Tick the box to confirm.
programme-deadline-tl01 = publication of every call (TL-01)
programme-deadline-tl02 = signature of every contract (TL-02)
email-contract-sent-subject = Grant contract { $number } to countersign
email-contract-sent-body =
    The EU Delegation has signed grant contract { $number } (maximum EU contribution { $amount }).
    
    Please countersign it in the portal by { $by } (CON-01), uploading the contract signed by your legal representative:
    
    { $link }
email-contract-countersigned-subject = Contract { $number } countersigned
email-contract-countersigned-body =
    Contract { $number } was countersigned. The action runs from { $start } to { $end }; the first pre-financing is due within 45 days.
    
    { $link }
email-contract-countersign-reminder-subject = Reminder: countersign contract { $number } by { $by }
email-contract-countersign-reminder-body =
    Grant contract { $number } is still waiting for your countersignature. The deadline is { $by } (CON-01).
    
    { $link }
email-contract-report-submitted-subject = Report { $report } of contract { $number } submitted
email-contract-report-submitted-body =
    The beneficiary submitted report { $report } of contract { $number }. Please approve it or ask for more information.
    
    { $link }
email-contract-report-decided-subject = Report { $report } of contract { $number }: { $outcome }
email-contract-report-decided-body =
    Report { $report } of contract { $number }: { $outcome }.
    
    { $comment }
    
    { $link }
email-contract-report-overdue-subject = Overdue: report { $report } of contract { $number }
email-contract-report-overdue-body =
    Report { $report } of contract { $number } was due by { $due } and has not been submitted (REP-01).
    
    { $link }
email-contract-no-payment-warning-subject = Contract { $number } ends on { $on } without a payment
email-contract-no-payment-warning-body =
    No payment has been made under contract { $number }. If none is made by { $on }, the contract is terminated automatically (CON-03).
    
    { $link }
email-contract-terminated-subject = Contract { $number } ended
email-contract-terminated-body =
    Contract { $number } has ended. Reason: { $reason }
    
    { $link }
email-payment-overdue-subject = Overdue payment: tranche { $tranche } of contract { $number }
email-payment-overdue-body =
    Tranche { $tranche } of contract { $number } ({ $amount } still to pay) was due by { $due } (PAY-01/02).
    
    { $link }
email-programme-deadline-subject = { $programme }: deadline for the { $deadline } on { $date }
email-programme-deadline-body =
    The programme { $programme } reaches the deadline for the { $deadline } on { $date }. Still open: { $count }.
    
    { $link }
event-contract-prepared = Contract prepared
event-contract-terms-changed = Contract terms changed
event-contract-sent = Contract signed and sent
event-contract-countersigned = Contract countersigned
event-contract-payment-recorded = Payment recorded
event-contract-recovery-recorded = Recovery recorded
event-contract-report-document-uploaded = Report document uploaded
event-contract-report-submitted = Report submitted
event-contract-report-approved = Report approved
event-contract-report-information-requested = More information asked on a report
event-contract-closed = Contract closed
event-contract-terminated = Contract terminated
event-contract-withdrawn = Contract withdrawn
event-contract-countersign-reminded = Countersignature reminder sent
event-contract-no-payment-warned = No-payment warning sent (CON-03)
event-contract-report-overdue = Overdue report reminded
event-contract-payment-overdue = Overdue payment reminded
event-programme-deadline-warned = Programme deadline warning sent
contract-amendments = Amendments
contract-headings = Budget headings 1–6 (AMD-02)
budget-heading = Heading
contract-headings-signed = As signed
contract-headings-now = Now
contract-amendment-effective = takes effect on { $date }
amendment-new-end = new end { $date }
amendment-comment = EU Delegation
amendment-approve = Approve the addendum
amendment-reject-reason = Reason for rejecting
amendment-reject = Reject
amendment-request = Ask for a change
amendment-request-hint = An addendum takes effect at the earliest on { $date } (30 days' notice) and never raises the maximum grant; an extension is asked for at least one month before the end date. Transfers between headings of up to { $percent }% of each heading (counted together with earlier ones) are only notified and apply at once.
amendment-kind = Kind of change
amendment-kind-extension = Extension of the end date
amendment-kind-transfer = Budget transfer between headings
amendment-kind-other = Other change
amendment-effective-label = Takes effect on
amendment-new-end-label = New end date (extension)
amendment-transfer-legend = Budget transfer
amendment-from = From heading
amendment-to = To heading
amendment-description = What changes and why
amendment-send = Send the request
amendment-status-requested = Waiting for the EU Delegation
amendment-status-notified = Notified (within the threshold)
amendment-status-approved = Addendum approved
amendment-status-rejected = Rejected
amendment-transfer-text = Transfer of { $amount } from heading { $from } to heading { $to }
contract-suspend-reason = Reason for the suspension
contract-suspend = Suspend implementation
contract-suspended-since = Suspended since { $date }. Resuming extends the end date by the days suspended (AMD-01).
contract-resume = Resume implementation
flash-transfer-notified = The transfer is within the threshold: it is notified and applies now.
flash-amendment-requested = The request is sent to the EU Delegation.
flash-amendment-decided = The decision is recorded.
flash-contract-suspended = Implementation is suspended.
flash-contract-resumed = Implementation is resumed after { $days } days of suspension: the end moves by { $extended } days, to { $end }.
flash-contract-resumed-limited = Implementation is resumed after { $days } days of suspension, but the end cannot move past the end of the operational phase ({ $phase_end }, TL-03): it moves by { $extended } days to { $end }, and { $lost } days of the suspension are lost. A programme amendment extending the operational phase (TL-06) would allow them.
contract-resume-preview = Resumed today, the end would move by { $extended } days (the { $days } days suspended), to { $end }.
contract-resume-preview-limited = Resumed today, the end could move by only { $extended } of the { $days } days suspended, to { $end }: it cannot pass the end of the operational phase ({ $phase_end }, TL-03), so { $lost } days would be lost unless a programme amendment extends the phase (TL-06).
error-amendment-kind = Choose the kind of change.
error-amendment-description = Describe the change and the reason.
error-transfer-headings = Choose two different headings (1–6).
error-transfer-above-heading = The heading does not hold that much.
error-amendment-decided = This request is already decided.
error-amendment-comment = Give the reason for rejecting.
contract-version-transfer-notified = Budget transfer notified
contract-version-addendum = Addendum
contract-version-suspended = Suspended
contract-version-resumed = Resumed
email-contract-amendment-subject = Contract { $number }: change { $amendment } – { $status }
email-contract-amendment-body =
    Change { $amendment } of contract { $number }: { $status }.
    
    { $link }
event-contract-transfer-notified = Budget transfer notified
event-contract-amendment-requested = Amendment requested
event-contract-amendment-approved = Addendum approved
event-contract-amendment-rejected = Amendment rejected
event-contract-suspended = Contract suspended
event-contract-resumed = Contract resumed
monitoring-title = Programme monitoring
monitoring-xlsx = Download the report as XLSX
monitoring-iati = IATI 2.03 activity file
monitoring-money = Awarded, contracted and paid against the envelopes
monitoring-line = Envelope or lot
monitoring-envelope = Envelope
monitoring-awarded = Awarded
monitoring-contracted = Contracted
monitoring-paid = Paid
monitoring-to-pay = Still to pay
monitoring-unawarded = Not yet awarded
monitoring-total = Programme total
monitoring-chart = Envelope, awarded, contracted and paid per envelope and lot
monitoring-indicators = Logframe indicators known to the portal
monitoring-by-oblast = Funded initiatives per oblast (signed contracts)
monitoring-initiatives = Initiatives
monitoring-gender = People targeted by the funded actions' logframes: { $women } women and { $men } men.
monitoring-paid-semester = Paid this half-year
monitoring-sheet-money = Envelopes and lots
monitoring-sheet-contracts = Contracts
contract-dossier = Download the complete dossier (ZIP)
programme-deadline-tl05 = decommitment of the unused EU balance (TL-05)
email-notice-due-subject = { $call }: applicants to be told by { $by } (NOT-01)
email-notice-due-body =
    The award of { $call } is approved, and { $count } applicants have not been told yet. They must be notified by { $by } (NOT-01).
    
    { $link }
event-award-notice-warned = Notification deadline warning sent (NOT-01)
monitoring-as-of = Figures as of { $date }; Steering Committee report for the half-year { $start } – { $end } (TL-07).
error-idempotency-key-invalid = The Idempotency-Key header must be 1 to 255 visible ASCII characters.
error-idempotency-key-reused = This Idempotency-Key was already used for a different request in the last 24 hours; use a new key for a new request.
error-request-in-progress = The same request is still being processed; try again in a moment.
error-payment-reference-recorded = A payment with the reference { $reference } is already recorded on this contract; it is not recorded twice.
report-stage = Stage
report-stage-concept = Concept-note stage
report-stage-full = Full applications
report-concept-stage-hint = SEL-03: in a restricted call the concept-note stage has its own report. Once the EU Delegation approves it, the chair invites the shortlist to submit full applications and the other applicants are told why they were not successful; nobody hears anything before.
report-concept-approved = The approved concept-note report
report-concept-approved-next = The EU Delegation approved the concept-note report: invite the shortlist now.
outcome-shortlisted = Shortlisted: invited to a full application
error-invite-report-not-approved = The shortlist is invited once the EU Delegation has approved the concept-note report: submit it from the report page first.
error-notify-invite-first = Invite the shortlisted applicants first; the others are told after them.
error-report-nothing-received = No concept note was received: there is nothing to report.
received-invite-by-report = Concept notes are invited to the full application from the evaluation: the chair invites the shortlist once the EU Delegation has approved the concept-note report (SEL-03).
error-answer-too-late = Answers had to be published by { $by } (CFP-03); later answers are not published. A corrigendum that extends the deadline moves the answer deadline too.
answers-closed-hint = The answer deadline has passed: answers can no longer be published, unless a corrigendum extends the call's deadline (CFP-03).
error-api-saved-meanwhile = The application was saved by someone else after version { $sent }; it is now at version { $stored }. Nothing of this request was saved: `stored` holds the application as it is now and `sent` what this request sent. Apply the change to the stored content and send it again with "version": { $stored }.
budget-rule-contingency-unmet = Contingency reserve { $amount } is over its limit of 5% of direct costs, { $limit }.
budget-rule-indirect-unmet = Indirect costs { $amount } are over their limit of 7% of total direct costs, { $limit }.
budget-rule-grant-range-unmet = EU contribution { $amount } is outside this lot's range, { $min } to { $max }.
budget-rule-eu-share-unmet = EU share { $share } of total eligible costs { $total } is outside { $min } to { $max }: the EU contribution { $amount } must be from { $low } to { $high }.
budget-rule-sources-unmet = Sources of funding { $sources } do not add up to total eligible costs { $total }: they must be equal.
budget-rule-duration-unmet = Duration { $months } months is outside { $min } to { $max } months.
budget-rule-concept-estimate-unmet = EU contribution { $amount } is too far from the concept note's { $estimate }: it must be from { $min } to { $max }.
application-invitation-lapsed = The full application was not submitted by its deadline, { $deadline }: the invitation has lapsed (ADM-03). The evaluation report lists it as not received, and you will be told the outcome with the other applicants once the EU Delegation approves it.
param-max-applications-lot = Applications per organisation and lot (empty = unlimited)
param-verification-final = Expenditure verification with the final report above (EUR, AUD-01)
param-verification-yearly = Expenditure verification with each yearly request from (EUR, AUD-01)
param-transfer-percent = Transfers between headings only notified up to (% of each heading, AMD-02)
eligibility-problem-lot-limit = Your organisation has reached the number of applications allowed in this lot (APP-06).
obligations-title = Steering Committee reports and decommitment
obligations-hint = TL-07: a report to the Steering Committee at least every 6 months; TL-05: the unused EU balance decommitted 6 months after the execution period. Record each when it is done: a date that passes with nothing recorded shows as missed.
obligations-what = Obligation
obligations-due = Due by
obligations-done-on = Done on
obligations-note = Reference or note
obligations-record = Record as done
obligation-state-done = Done
obligation-state-done_late = Done late
obligation-state-due = Due
obligation-state-missed = Missed
flash-obligation-recorded = Recorded as done.
error-obligation-future = The day it was done cannot be in the future.
error-obligation-recorded = This one is already recorded.
event-programme-obligation-recorded = Programme obligation recorded as done
application-action-locations = Where the action takes place
application-action-locations-hint = CFP-04: this lot takes actions in these oblasts; tick every one the action works in (the organisation may be registered elsewhere).
error-action-location-missing = Say where the action takes place: at least one of this lot's oblasts (CFP-04).
error-action-location-outside = The action takes place outside this lot's oblasts (CFP-04).
error-action-location-unknown = Choose oblasts from the list.
