// Written by hand to match both migration trees (diesel print-schema would need one backend).

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        display_name -> Text,
        password_hash -> Nullable<Text>,
        role -> Text,
        language -> Nullable<Text>,
        email_confirmed_at -> Nullable<Timestamp>,
        disabled_at -> Nullable<Timestamp>,
        session_epoch -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        previous_login_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    user_tokens (id) {
        id -> Text,
        user_id -> Text,
        purpose -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        user_id -> Text,
        name -> Text,
        token_hash -> Text,
        token_prefix -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        expires_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_events (seq) {
        seq -> BigInt,
        id -> Text,
        occurred_at -> Timestamp,
        actor_id -> Nullable<Text>,
        actor_email -> Nullable<Text>,
        action -> Text,
        object_type -> Nullable<Text>,
        object_id -> Nullable<Text>,
        details -> Text,
        client_ip -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    audit_chain_head (id) {
        id -> Integer,
        last_seq -> BigInt,
        last_hash -> Text,
        keyed_from_seq -> Nullable<BigInt>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        kind -> Text,
        to_email -> Text,
        to_name -> Text,
        subject -> Text,
        body_text -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        locked_by -> Nullable<Text>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(user_tokens -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(users, user_tokens, api_tokens, audit_events, outbox);

diesel::table! {
    revoked_sessions (session_id) {
        session_id -> Text,
        user_id -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    programmes (id) {
        id -> Text,
        reference -> Text,
        title -> Text,
        entry_into_force -> Date,
        total_budget_cents -> BigInt,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    programme_budget_lines (id) {
        id -> Text,
        programme_id -> Text,
        position -> Integer,
        label -> Text,
        amount_cents -> BigInt,
        retired_at -> Nullable<Timestamp>,
        label_kk -> Text,
        label_ru -> Text,
    }
}

diesel::table! {
    programme_envelopes (id) {
        id -> Text,
        programme_id -> Text,
        position -> Integer,
        label -> Text,
        amount_cents -> BigInt,
        retired_at -> Nullable<Timestamp>,
        label_kk -> Text,
        label_ru -> Text,
    }
}

diesel::table! {
    programme_amendments (id) {
        id -> Text,
        programme_id -> Text,
        date_field -> Text,
        old_date -> Date,
        new_date -> Date,
        reason -> Text,
        addendum_reference -> Text,
        proposed_on -> Date,
        effective_on -> Date,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    programme_d_corrections (id) {
        id -> Text,
        programme_id -> Text,
        old_date -> Date,
        new_date -> Date,
        reason -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    calls (id) {
        id -> Text,
        programme_id -> Text,
        reference -> Text,
        title -> Text,
        description -> Text,
        call_type -> Text,
        status -> Text,
        opens_at -> Nullable<Timestamp>,
        deadline -> Nullable<Timestamp>,
        parameters -> Text,
        concept_note_grid -> Text,
        full_application_grid -> Text,
        published_at -> Nullable<Timestamp>,
        published_by -> Nullable<Text>,
        cancelled_at -> Nullable<Timestamp>,
        cancel_reason -> Nullable<Text>,
        cancel_explanation -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        title_kk -> Text,
        title_ru -> Text,
        description_kk -> Text,
        description_ru -> Text,
        cancel_explanation_kk -> Text,
        cancel_explanation_ru -> Text,
    }
}

diesel::table! {
    call_corrigenda (id) {
        id -> Text,
        call_id -> Text,
        number -> Integer,
        reason -> Text,
        reason_kk -> Text,
        reason_ru -> Text,
        changes -> Text,
        previous -> Text,
        published_by -> Text,
        published_at -> Timestamp,
    }
}

diesel::table! {
    lots (id) {
        id -> Text,
        call_id -> Text,
        number -> Integer,
        title -> Text,
        envelope_cents -> BigInt,
        min_grant_cents -> BigInt,
        max_grant_cents -> BigInt,
        min_eu_share_bp -> BigInt,
        max_eu_share_bp -> BigInt,
        min_duration_months -> BigInt,
        max_duration_months -> BigInt,
        applicant_types -> Text,
        locations -> Text,
        envelope_id -> Nullable<Text>,
        title_kk -> Text,
        title_ru -> Text,
    }
}

diesel::table! {
    attachments (id) {
        id -> Text,
        owner_type -> Text,
        owner_id -> Text,
        purpose -> Text,
        language -> Nullable<Text>,
        title -> Text,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        storage_key -> Text,
        version -> Integer,
        replaces_id -> Nullable<Text>,
        uploaded_by -> Text,
        uploaded_at -> Timestamp,
        frozen_at -> Nullable<Timestamp>,
        removed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    clarifications (id) {
        id -> Text,
        call_id -> Text,
        asked_by -> Text,
        question -> Text,
        asked_at -> Timestamp,
        answer -> Nullable<Text>,
        answered_by -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    call_followers (call_id, user_id) {
        call_id -> Text,
        user_id -> Text,
        followed_at -> Timestamp,
    }
}

diesel::joinable!(calls -> programmes (programme_id));
diesel::joinable!(lots -> calls (call_id));
diesel::joinable!(lots -> programme_envelopes (envelope_id));
diesel::joinable!(clarifications -> calls (call_id));
diesel::joinable!(call_followers -> users (user_id));
diesel::joinable!(call_followers -> calls (call_id));
diesel::allow_tables_to_appear_in_same_query!(
    call_corrigenda,
    calls,
    programmes,
    lots,
    clarifications,
    call_followers,
    users,
    attachments,
    programme_envelopes
);

diesel::table! {
    staff_reminders (subject_id, kind, sent_on) {
        subject_id -> Text,
        kind -> Text,
        sent_on -> Date,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    email_changes (id) {
        id -> Text,
        user_id -> Text,
        new_email -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    aggregate_locks (name) {
        name -> Text,
        touched_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    auth_attempts (id) {
        id -> Text,
        kind -> Text,
        subject -> Text,
        address -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    user_second_factors (user_id) {
        user_id -> Text,
        secret_ciphertext -> Text,
        confirmed_at -> Nullable<Timestamp>,
        last_used_step -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    user_recovery_codes (id) {
        id -> Text,
        user_id -> Text,
        code_hash -> Text,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    organisations (id) {
        id -> Text,
        legal_name -> Text,
        legal_name_local -> Text,
        acronym -> Text,
        legal_status -> Text,
        country -> Text,
        oblast -> Text,
        registration_number -> Text,
        address -> Text,
        contact_email -> Text,
        contact_phone -> Text,
        year_registered -> Nullable<Integer>,
        staff -> Nullable<Integer>,
        annual_turnover_cents -> Nullable<BigInt>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    organisation_members (organisation_id, user_id) {
        organisation_id -> Text,
        user_id -> Text,
        role -> Text,
        joined_at -> Timestamp,
    }
}

diesel::table! {
    organisation_invitations (id) {
        id -> Text,
        organisation_id -> Text,
        email -> Text,
        role -> Text,
        invited_by -> Text,
        invited_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
        accepted -> Nullable<Bool>,
    }
}

diesel::joinable!(organisation_members -> organisations (organisation_id));
diesel::joinable!(organisation_members -> users (user_id));
diesel::joinable!(organisation_invitations -> organisations (organisation_id));
diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    organisation_members,
    organisation_invitations,
    users
);

diesel::table! {
    applications (id) {
        id -> Text,
        call_id -> Text,
        lot_id -> Text,
        organisation_id -> Text,
        status -> Text,
        title -> Text,
        relevance -> Text,
        design -> Text,
        eu_contribution_cents -> Nullable<BigInt>,
        duration_months -> Nullable<Integer>,
        version -> Integer,
        created_by -> Text,
        created_at -> Timestamp,
        updated_by -> Text,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        submitted_by -> Nullable<Text>,
        receipt_number -> Nullable<Text>,
        content_sha256 -> Nullable<Text>,
        withdrawn_at -> Nullable<Timestamp>,
        stage -> Text,
        full_application -> Text,
        invited_at -> Nullable<Timestamp>,
        full_deadline -> Nullable<Timestamp>,
        submitted_version -> Nullable<Integer>,
        requested_cents -> Nullable<BigInt>,
        rejected_at -> Nullable<Timestamp>,
        rejection_reason -> Nullable<Text>,
        action_locations -> Text,
    }
}

diesel::table! {
    administrative_checks (id) {
        id -> Text,
        application_id -> Text,
        stage -> Text,
        items -> Text,
        passed -> Bool,
        checked_by -> Text,
        checked_at -> Timestamp,
    }
}

diesel::table! {
    application_submissions (id) {
        id -> Text,
        application_id -> Text,
        call_id -> Text,
        lot_id -> Text,
        stage -> Text,
        receipt_number -> Text,
        submission_no -> Integer,
        submitted_at -> Timestamp,
        submitted_by -> Text,
        content -> Text,
        content_sha256 -> Text,
    }
}

diesel::joinable!(application_submissions -> applications (application_id));
diesel::allow_tables_to_appear_in_same_query!(application_submissions, applications);

diesel::joinable!(applications -> calls (call_id));
diesel::joinable!(applications -> organisations (organisation_id));
diesel::allow_tables_to_appear_in_same_query!(applications, calls);
diesel::allow_tables_to_appear_in_same_query!(applications, organisations);
diesel::allow_tables_to_appear_in_same_query!(applications, lots);
diesel::allow_tables_to_appear_in_same_query!(applications, users);
diesel::allow_tables_to_appear_in_same_query!(applications, organisation_members);
diesel::allow_tables_to_appear_in_same_query!(calls, organisations);
diesel::allow_tables_to_appear_in_same_query!(lots, organisations);

diesel::table! {
    late_submissions (id) {
        id -> Text,
        application_id -> Text,
        call_id -> Text,
        attempted_at -> Timestamp,
        attempted_by -> Text,
    }
}

diesel::table! {
    call_openings (id) {
        id -> Text,
        call_id -> Text,
        stage -> Text,
        opened_at -> Timestamp,
        opened_by -> Text,
        record -> Text,
    }
}
diesel::allow_tables_to_appear_in_same_query!(late_submissions, applications);
diesel::allow_tables_to_appear_in_same_query!(late_submissions, organisations);

diesel::table! {
    application_partners (id) {
        id -> Text,
        application_id -> Text,
        organisation_id -> Text,
        role -> Text,
        added_by -> Text,
        added_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(application_partners, organisations);

diesel::table! {
    committee_members (id) {
        id -> Text,
        call_id -> Text,
        user_id -> Text,
        role -> Text,
        seq -> Integer,
        added_by -> Text,
        added_at -> Timestamp,
        removed_at -> Nullable<Timestamp>,
        removed_by -> Nullable<Text>,
    }
}

diesel::table! {
    committee_declarations (id) {
        id -> Text,
        call_id -> Text,
        user_id -> Text,
        version -> Text,
        language -> Text,
        text -> Text,
        text_sha256 -> Text,
        signed_at -> Timestamp,
    }
}

diesel::table! {
    assessor_assignments (id) {
        id -> Text,
        call_id -> Text,
        application_id -> Text,
        stage -> Text,
        assessor_id -> Text,
        status -> Text,
        origin -> Text,
        assigned_by -> Text,
        assigned_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
        conflict_note -> Nullable<Text>,
        sheet -> Text,
        total -> Nullable<BigInt>,
        saved_at -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        ended_by -> Nullable<Text>,
        end_reason -> Nullable<Text>,
        replaces_id -> Nullable<Text>,
    }
}

diesel::table! {
    divergence_resolutions (id) {
        id -> Text,
        application_id -> Text,
        stage -> Text,
        note -> Text,
        totals -> Text,
        resolved_by -> Text,
        resolved_at -> Timestamp,
    }
}

diesel::joinable!(committee_members -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(committee_members, users);
diesel::allow_tables_to_appear_in_same_query!(committee_members, committee_declarations);
diesel::allow_tables_to_appear_in_same_query!(assessor_assignments, applications);
diesel::allow_tables_to_appear_in_same_query!(assessor_assignments, users);
diesel::allow_tables_to_appear_in_same_query!(divergence_resolutions, applications);

diesel::table! {
    evaluation_reports (id) {
        id -> Text,
        call_id -> Text,
        version -> Integer,
        status -> Text,
        content -> Text,
        content_sha256 -> Text,
        submitted_by -> Text,
        submitted_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        comments -> Nullable<Text>,
        stage -> Text,
    }
}

diesel::table! {
    award_decisions (application_id) {
        application_id -> Text,
        call_id -> Text,
        report_id -> Text,
        outcome -> Text,
        reason -> Nullable<Text>,
        amount_cents -> Nullable<BigInt>,
        eu_share_bp -> Nullable<BigInt>,
        scores -> Text,
        beneficiary -> Text,
        locality -> Text,
        purpose -> Text,
        decided_at -> Timestamp,
        notified_at -> Nullable<Timestamp>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(award_decisions, calls);
diesel::allow_tables_to_appear_in_same_query!(award_decisions, applications);

diesel::table! {
    supporting_checks (application_id) {
        application_id -> Text,
        call_id -> Text,
        documents -> Text,
        requested_by -> Text,
        requested_at -> Timestamp,
        passed -> Nullable<Bool>,
        note -> Nullable<Text>,
        checked_by -> Nullable<Text>,
        checked_at -> Nullable<Timestamp>,
    }
}
diesel::allow_tables_to_appear_in_same_query!(attachments, supporting_checks);

diesel::table! {
    contracts (id) {
        id -> Text,
        number -> Text,
        application_id -> Text,
        call_id -> Text,
        programme_id -> Text,
        organisation_id -> Text,
        status -> Text,
        version -> Integer,
        max_eu_cents -> BigInt,
        eu_share_bp -> BigInt,
        duration_months -> Integer,
        agreed_start -> Nullable<Date>,
        lead_abroad -> Bool,
        sent_at -> Nullable<Timestamp>,
        sent_by -> Nullable<Text>,
        countersign_by -> Nullable<Date>,
        countersigned_at -> Nullable<Timestamp>,
        countersigned_by -> Nullable<Text>,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        suspended_since -> Nullable<Date>,
        suspended_days -> Integer,
        ended_at -> Nullable<Timestamp>,
        end_reason -> Nullable<Text>,
        final_grant_cents -> Nullable<BigInt>,
        final_payment_on -> Nullable<Date>,
        keep_until -> Nullable<Date>,
        headings -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    contract_versions (id) {
        id -> Text,
        contract_id -> Text,
        version -> Integer,
        terms -> Text,
        reason -> Text,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contract_tranches (id) {
        id -> Text,
        contract_id -> Text,
        position -> Integer,
        kind -> Text,
        planned_cents -> BigInt,
        after_report -> Nullable<Integer>,
        due_on -> Nullable<Date>,
        payable_cents -> Nullable<BigInt>,
        release -> Nullable<Text>,
    }
}

diesel::table! {
    contract_payments (id) {
        id -> Text,
        contract_id -> Text,
        tranche_position -> Nullable<Integer>,
        kind -> Text,
        amount_cents -> BigInt,
        paid_on -> Date,
        reference -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    contract_reports (id) {
        id -> Text,
        contract_id -> Text,
        position -> Integer,
        kind -> Text,
        period_end -> Date,
        due_on -> Date,
        verification -> Bool,
        status -> Text,
        narrative -> Text,
        costs_cents -> Nullable<BigInt>,
        submitted_at -> Nullable<Timestamp>,
        submitted_by -> Nullable<Text>,
        information_due -> Nullable<Date>,
        staff_comment -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        accepted_costs_cents -> Nullable<BigInt>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(contracts, organisations);
diesel::allow_tables_to_appear_in_same_query!(contracts, applications);
diesel::allow_tables_to_appear_in_same_query!(contracts, calls);
diesel::allow_tables_to_appear_in_same_query!(contracts, programmes);
diesel::allow_tables_to_appear_in_same_query!(contracts, award_decisions);
diesel::allow_tables_to_appear_in_same_query!(contracts, evaluation_reports);
diesel::allow_tables_to_appear_in_same_query!(contracts, organisation_members);
diesel::allow_tables_to_appear_in_same_query!(award_decisions, evaluation_reports);
diesel::allow_tables_to_appear_in_same_query!(contracts, contract_reports);
diesel::allow_tables_to_appear_in_same_query!(contracts, contract_payments);
diesel::allow_tables_to_appear_in_same_query!(contracts, contract_tranches);

diesel::table! {
    contract_amendments (id) {
        id -> Text,
        contract_id -> Text,
        number -> Integer,
        kind -> Text,
        status -> Text,
        effective_on -> Date,
        new_end -> Nullable<Date>,
        transfer_from -> Nullable<Integer>,
        transfer_to -> Nullable<Integer>,
        transfer_cents -> Nullable<BigInt>,
        description -> Text,
        requested_by -> Text,
        requested_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        comment -> Nullable<Text>,
    }
}
diesel::allow_tables_to_appear_in_same_query!(contracts, lots);
diesel::allow_tables_to_appear_in_same_query!(applications, evaluation_reports);
diesel::allow_tables_to_appear_in_same_query!(calls, evaluation_reports);

diesel::table! {
    idempotent_requests (owner, key) {
        owner -> Text,
        key -> Text,
        request_sha256 -> Text,
        created_at -> Timestamp,
        status -> Nullable<Integer>,
        location -> Nullable<Text>,
        content_type -> Nullable<Text>,
        flash -> Nullable<Text>,
        body -> Nullable<Text>,
    }
}

diesel::table! {
    programme_obligations (programme_id, rule, due_on) {
        programme_id -> Text,
        rule -> Text,
        due_on -> Date,
        done_on -> Date,
        note -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}
