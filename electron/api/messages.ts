// What the core says to a screen: message keys a screen renders in its language, and the error body every shell
// answers with. Part of electron/api/contract.ts.

/** What a core message says, for a screen to render in its language (`message` stays English for logs and the CLI). */
export type CoreMessageKey =
  | 'already_paired'
  | 'badge_numbers_used'
  | 'bus_departs_before_boarding'
  | 'bus_needs_name'
  | 'bus_needs_seat'
  | 'bus_returns_before_departure'
  | 'cancelled_no_badge'
  | 'capacity_min'
  | 'checkpoint_closes_before_opens'
  | 'create_event_cli'
  | 'day_needs_title'
  | 'demo_cli'
  | 'duplicate_email'
  | 'end_date_invalid'
  | 'event_ends_before_start'
  | 'event_exists'
  | 'event_needs_name'
  | 'event_too_long'
  | 'file_unreadable'
  | 'hub_cannot_join'
  | 'hub_device_new_event'
  | 'hub_no_event'
  | 'hub_not_running'
  | 'hub_not_yours'
  | 'hub_unreachable'
  | 'import_not_finished'
  | 'join_from_cli'
  | 'mapping_columns'
  | 'name_required'
  | 'names_required'
  | 'no_badge_numbers'
  | 'no_bus'
  | 'no_checkpoint'
  | 'no_day'
  | 'no_delegate'
  | 'no_delegate_filter'
  | 'no_entrance'
  | 'no_event'
  | 'no_hub_here'
  | 'no_import'
  | 'no_name_column'
  | 'no_paired_device'
  | 'no_print_job'
  | 'no_scan'
  | 'no_session'
  | 'no_such_printer'
  | 'not_a_datetime'
  | 'not_connected_hub'
  | 'only_checkin_undone'
  | 'other_event_file'
  | 'override_needs_pin'
  | 'paired_cannot_be_hub'
  | 'pairing_code_expired'
  | 'pairing_code_role'
  | 'pairing_code_unreadable'
  | 'pin_change_needs_pin'
  | 'pin_format'
  | 'printed_elsewhere'
  | 'programme_unreadable'
  | 'purge_after_event'
  | 'reissue_limit'
  | 'retry_only_failed'
  | 'scan_already_undone'
  | 'session_ends_before_start'
  | 'session_needs_title'
  | 'session_not_on_day'
  | 'start_date_invalid'
  | 'unknown_targets'
  | 'unknown_timezone';

export interface CoreMessage {
  /** Every key has a string in renderer/src/i18n/en.ts and ja.ts under core (test/unit/core-messages.test.ts). */
  key: CoreMessageKey;
  values: Record<string, string | number>;
}

export interface ApiErrorBody {
  error: { code: 'bad_input' | 'not_found' | 'conflict' | 'forbidden' | 'internal'; message: string; issues?: string[]; say?: CoreMessage };
}
