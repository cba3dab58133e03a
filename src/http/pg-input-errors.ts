// A backstop behind the input schemas: PostgreSQL errors that mean "this value cannot be stored or
// compared" are the caller's fault (400), not the server's (500). The schemas should refuse such
// values first, naming the field; this only keeps a value they miss from becoming a 500.
const BAD_INPUT: Record<string, string> = {
  '22021': 'a text value contains a character that cannot be stored', // character_not_in_repertoire (NUL, invalid UTF-8)
  '22P05': 'a text value contains a character that cannot be stored', // untranslatable_character (\u0000 in JSON)
  '22P02': 'a value is not in the form it should be', // invalid_text_representation
  '22007': 'a date or time is not in the form it should be', // invalid_datetime_format
  '22008': 'a date or time is out of range', // datetime_field_overflow
  '22009': 'a time zone offset is out of range', // invalid_time_zone_displacement_value
};

export function pgInputError(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (BAD_INPUT[code] ?? null) : null;
}
