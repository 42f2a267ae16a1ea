// The key of a capacity counter (the `occupancy` row): per target for admission once per event, per target and day
// for once-a-day checkpoints. The door reads the counter by it (checkin/checkin-service.ts) and the apply path moves it
// (replication/apply/admissions.ts); one rule so both name the same row.

export function counterKeyOf(targetKey: string, admissionDay: string): string {
  return admissionDay ? `${targetKey}@${admissionDay}` : targetKey;
}
