//! The `grants` command: serve the portal, migrate, manage users, verify the audit chain.
#![forbid(unsafe_code)]

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use grants::clock::Clock;
use grants::config::Settings;
use grants::domain::access::Role;
use grants::i18n::Lang;
use grants::services::{accounts, Actor};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "grants", version, about = "KAZLOD grants portal")]
struct Cli {
    /// Log what commands do in detail (as RUST_LOG=info would); commands other than
    /// `serve` print warnings only by default.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web portal (the default).
    Serve {
        /// Address and port to listen on, e.g. 127.0.0.1:8080 (overrides server.bind).
        #[arg(long)]
        bind: Option<String>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Write a consistent backup of the database (SQLite: a copy made with VACUUM INTO;
    /// PostgreSQL: a pg_dump custom-format file). See README for the restore.
    Backup {
        /// The file to create.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Load the demonstration: the KAZLOD programme, an open restricted call with its two
    /// lots, published clarifications and one user per role (idempotent).
    Demo,
    /// Run the contract and programme watch once (CON-01, CON-03, REP-01, PAY-01, TL-01,
    /// TL-02) and send the mail it queues. The worker of `serve` runs it every minute;
    /// each warning is sent once, whichever node runs it.
    Watch,
    /// Audit trail tools.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. Without --password-stdin an invitation email with a
    /// set-password link is queued (and sent before the command ends).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// applicant, evaluator, delegation, auditor or admin
        #[arg(long)]
        role: String,
        /// Read the password from standard input (one line).
        #[arg(long)]
        password_stdin: bool,
        /// Language of emails and pages: en, kk or ru.
        #[arg(long, default_value = "en")]
        language: String,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Exit 0 when the keyed hash chain is intact and every signed checkpoint agrees
    /// with it; otherwise name the first broken event.
    Verify {
        /// The checkpoint file to check (default: audit.checkpoint_file).
        #[arg(long)]
        checkpoints: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API bearer token for an account and print it (audited). For operators
    /// with shell access, e.g. for a staff member's scripts.
    Create {
        #[arg(long)]
        email: String,
        /// Days until it expires (default 90, at most 365).
        #[arg(long)]
        expires_days: Option<i64>,
        /// A label to recognise it by on the profile page.
        #[arg(long, default_value = "created by the operator")]
        name: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot read settings: {e}");
            return ExitCode::from(2);
        }
    };
    let serving = matches!(cli.command, None | Some(Command::Serve { .. }));
    if !serving && !cli.verbose && std::env::var_os("RUST_LOG").is_none() {
        // A command says what it did in its own words; the log only warns.
        settings.log.filter = "warn".into();
    } else if cli.verbose && std::env::var_os("RUST_LOG").is_none() {
        settings.log.filter = "info".into();
    }
    grants::init_logging(&settings);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(
        cli.command.unwrap_or(Command::Serve { bind: None }),
        settings,
    ));
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the database for a command and says in one line what was done to it.
async fn command_state(settings: Settings) -> anyhow::Result<grants::state::AppState> {
    let (state, applied) =
        tokio::task::spawn_blocking(move || grants::open_state(settings, Clock::system()))
            .await??;
    match applied.len() {
        0 => eprintln!("database ready"),
        1 => eprintln!("database ready, 1 migration applied"),
        n => eprintln!("database ready, {n} migrations applied"),
    }
    Ok(state)
}

async fn run(command: Command, mut settings: Settings) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve { bind } => {
            if let Some(bind) = bind {
                settings.server.bind = bind;
            }
            let app = grants::Application::build(settings.clone()).await?;
            let public_url = app.state().settings.server.public_url.clone();
            tracing::info!(
                address = %format!("http://{}", settings.server.bind),
                database = %grants::db::redact_url(&settings.database.url),
                public_url = %public_url,
                "portal listening"
            );
            println!(
                "KAZLOD grants portal: http://{} (Ctrl+C stops)",
                settings
                    .server
                    .bind
                    .replace(":0", &format!(":{}", app.port()))
            );
            let origin = if app.state().settings.server.public_url_derived {
                "from the address it listens on; set server.public_url to change it"
            } else {
                "server.public_url"
            };
            println!("Links in emails use {public_url} ({origin})");
            app.run_until_stopped().await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Migrate => {
            let url = settings.database.url.clone();
            tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
                let pool = grants::db::build_pool(&url, 1)?;
                let mut conn = pool.get()?;
                let applied = grants::db::run_migrations(&mut conn)?;
                if applied.is_empty() {
                    println!("database is up to date");
                }
                for m in applied {
                    println!("applied {m}");
                }
                Ok(())
            })
            .await??;
            Ok(ExitCode::SUCCESS)
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    role,
                    password_stdin,
                    language,
                },
        } => {
            let Some(role) = Role::parse(&role) else {
                eprintln!("error: unknown role {role:?}; use applicant, evaluator, delegation, auditor or admin");
                return Ok(ExitCode::from(2));
            };
            let lang = Lang::parse(&language).unwrap_or_default();
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().read_to_string(&mut line)?;
                Some(line.trim_end_matches(['\n', '\r']).to_string())
            } else {
                None
            };
            let state = command_state(settings).await?;
            let actor = Actor::system("cli");
            match accounts::create_user(&state, &actor, &email, &name, role, password, lang).await {
                Ok(user) => {
                    println!("created {} ({}) with role {}", user.email, user.id, role);
                    if user.password_hash.is_none() {
                        let mailer = grants::email::Mailer::from_settings(
                            &state.settings.mail,
                            &state.settings.data.dir,
                            state.memory_mailbox.clone(),
                        )?;
                        let sent = grants::jobs::deliver_due(&state, &mailer).await?;
                        println!("invitation queued; {sent} message(s) sent now (the rest go when the portal runs)");
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(grants::error::AppError::Validation(errors)) => {
                    for e in errors {
                        eprintln!("error: {}: {}", e.field, grants::i18n::t(Lang::En, e.code));
                    }
                    Ok(ExitCode::from(2))
                }
                Err(e) => Err(anyhow::anyhow!("{e}")),
            }
        }
        Command::Backup { to } => {
            let url = settings.database.url.clone();
            let target = to.clone();
            let bytes =
                tokio::task::spawn_blocking(move || grants::db::backup::backup(&url, &target))
                    .await??;
            println!("backup written to {} ({bytes} bytes)", to.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Watch => {
            let state = command_state(settings).await?;
            let run = grants::services::contracts::watch(&state)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let mailer = grants::email::Mailer::from_settings(
                &state.settings.mail,
                &state.settings.data.dir,
                state.memory_mailbox.clone(),
            )?;
            grants::jobs::deliver_due(&state, &mailer)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{}", serde_json::to_string_pretty(&run)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => {
            let state = command_state(settings).await?;
            let report = grants::services::demo::load(&state)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let mailer = grants::email::Mailer::from_settings(
                &state.settings.mail,
                &state.settings.data.dir,
                state.memory_mailbox.clone(),
            )?;
            grants::jobs::deliver_due(&state, &mailer)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("KAZLOD demonstration loaded:");
            for line in report.lines {
                println!("  {line}");
            }
            println!("Start the portal with `grants serve` and log in with the accounts above.");
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit {
            command: AuditCommand::Verify { checkpoints },
        } => {
            let url = settings.database.url.clone();
            let secrets =
                grants::secrets::Secrets::load(&settings.security.secret_key, &settings.data.dir)?;
            let path = checkpoints
                .unwrap_or_else(|| settings.audit.checkpoint_file_in(&settings.data.dir));
            let lines = std::fs::read_to_string(&path).unwrap_or_default();
            let result = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
                let pool = grants::db::build_pool(&url, 1)?;
                let mut conn = pool.get()?;
                let chain = grants::services::audit::verify(
                    &mut conn,
                    &secrets.key_bytes(grants::secrets::Purpose::AuditChain),
                )
                .map_err(|e| anyhow::anyhow!("{e}"))?;
                let marks = grants::services::audit::verify_checkpoints(
                    &mut conn,
                    &secrets.key_bytes(grants::secrets::Purpose::AuditCheckpoint),
                    &lines,
                )
                .map_err(|e| anyhow::anyhow!("{e}"))?;
                Ok((chain, marks))
            })
            .await??;
            match result {
                (Ok(n), Ok(marks)) => {
                    println!(
                        "audit chain intact: {n} events; {marks} signed checkpoints from {} agree",
                        path.display()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                (Err(b), _) | (_, Err(b)) => {
                    eprintln!("audit chain BROKEN: {b}");
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    email,
                    expires_days,
                    name,
                },
        } => {
            let state = command_state(settings).await?;
            match grants::services::api_tokens::create_for_operator(
                &state,
                &email,
                &name,
                expires_days,
            )
            .await
            {
                Ok((row, secret)) => {
                    println!("{secret}");
                    eprintln!(
                        "token {} for {email}, expires {} (UTC); shown once, store it safely",
                        row.id,
                        row.expires_at.map(|t| t.to_string()).unwrap_or_default()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(grants::error::AppError::Validation(errors)) => {
                    for e in errors {
                        eprintln!("error: {}: {}", e.field, grants::i18n::t(Lang::En, e.code));
                    }
                    Ok(ExitCode::from(2))
                }
                Err(e) => {
                    eprintln!("error: {}", grants::i18n::t(Lang::En, e.message_key()));
                    Ok(ExitCode::from(2))
                }
            }
        }
    }
}
