// The column names other systems use in their CSV exports, as data (docs/import.md). For each Dermis
// field, the headers a system's exports are known or believed to use; the first header of the file
// that matches one (ignoring case, spaces and punctuation) fills the field. Where a system's exact
// header was not confirmed against a real export, a plausible one is listed next to the common
// variants: docs/import.md says which, and the mapping screen corrects any miss.

export const IMPORT_FIELDS = [
  'firstName', 'lastName', 'fullName', 'email', 'phone', 'dateOfBirth',
  'date', 'time', 'service', 'provider', 'status',
  'packageName', 'remainingSessions', 'expiresOn',
  'note', 'noteDate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportPreset {
  id: string;
  name: string;
  headers: Partial<Record<ImportField, readonly string[]>>;
}

export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    id: 'boulevard',
    name: 'Boulevard',
    headers: {
      firstName: ['First Name', 'Client First Name'],
      lastName: ['Last Name', 'Client Last Name'],
      fullName: ['Client Name', 'Client'],
      email: ['Email', 'Client Email'],
      phone: ['Mobile Phone', 'Phone', 'Client Phone'],
      dateOfBirth: ['Birthday', 'Date of Birth'],
      date: ['Appointment Date', 'Date'],
      time: ['Start Time', 'Appointment Time', 'Time'],
      service: ['Service', 'Service Name'],
      provider: ['Staff', 'Staff Name', 'Provider'],
      status: ['Appointment Status', 'Status'],
      packageName: ['Package', 'Package Name'],
      remainingSessions: ['Remaining Quantity', 'Remaining', 'Sessions Remaining'],
      expiresOn: ['Expiration Date', 'Expires'],
      note: ['Note', 'Notes', 'Client Notes'],
      noteDate: ['Note Date', 'Created At', 'Created'],
    },
  },
  {
    id: 'vagaro',
    name: 'Vagaro',
    headers: {
      firstName: ['First Name', 'Customer First Name'],
      lastName: ['Last Name', 'Customer Last Name'],
      fullName: ['Customer', 'Customer Name'],
      email: ['Email', 'Customer Email'],
      phone: ['Cell Phone', 'Mobile Phone', 'Phone'],
      dateOfBirth: ['Birthday', 'Date of Birth'],
      date: ['Appointment Date', 'Service Date', 'Date'],
      time: ['Appointment Time', 'Start Time', 'Time'],
      service: ['Service', 'Service Title'],
      provider: ['Service Provider', 'Provider', 'Employee'],
      status: ['Status', 'Appointment Status'],
      packageName: ['Package Name', 'Package'],
      remainingSessions: ['Remaining Services', 'Remaining', 'Sessions Remaining'],
      expiresOn: ['Expiration Date', 'Expiry Date'],
      note: ['Notes', 'Customer Notes', 'Note'],
      noteDate: ['Note Date', 'Date Added'],
    },
  },
  {
    id: 'mangomint',
    name: 'Mangomint',
    headers: {
      firstName: ['First name', 'Client first name'],
      lastName: ['Last name', 'Client last name'],
      fullName: ['Client', 'Client name'],
      email: ['Email', 'Email address'],
      phone: ['Phone', 'Mobile phone', 'Phone number'],
      dateOfBirth: ['Date of birth', 'Birthday'],
      date: ['Date', 'Appointment date'],
      time: ['Time', 'Start time'],
      service: ['Service', 'Service name'],
      provider: ['Staff member', 'Staff'],
      status: ['Status', 'Appointment status'],
      packageName: ['Package', 'Package name'],
      remainingSessions: ['Sessions remaining', 'Remaining', 'Remaining uses'],
      expiresOn: ['Expires on', 'Expiration date'],
      note: ['Note', 'Notes', 'Client notes'],
      noteDate: ['Note date', 'Created on'],
    },
  },
  {
    id: 'zenoti',
    name: 'Zenoti',
    headers: {
      firstName: ['Guest First Name', 'First Name'],
      lastName: ['Guest Last Name', 'Last Name'],
      fullName: ['Guest Name', 'Guest'],
      email: ['Email', 'Email Id', 'Guest Email'],
      phone: ['Mobile Number', 'Mobile Phone', 'Phone'],
      dateOfBirth: ['Date of Birth', 'DOB', 'Birthday'],
      date: ['Appointment Date', 'Start Date', 'Date'],
      time: ['Start Time', 'Appointment Time', 'Time'],
      service: ['Service Name', 'Service'],
      provider: ['Therapist', 'Employee', 'Provider'],
      status: ['Status', 'Appointment Status'],
      packageName: ['Package Name', 'Package'],
      remainingSessions: ['Balance Sessions', 'Remaining Sessions', 'Balance'],
      expiresOn: ['Expiry Date', 'Expiration Date'],
      note: ['Guest Notes', 'Notes', 'Note'],
      noteDate: ['Note Date', 'Created Date'],
    },
  },
  {
    id: 'jane',
    name: 'Jane',
    headers: {
      firstName: ['First Name', 'Patient First Name'],
      lastName: ['Last Name', 'Patient Last Name'],
      fullName: ['Patient', 'Patient Name'],
      email: ['Email', 'Email Address'],
      phone: ['Mobile Phone', 'Cell Phone', 'Phone'],
      dateOfBirth: ['Date of Birth', 'Birth Date', 'DOB'],
      date: ['Date', 'Appointment Date'],
      time: ['Start Time', 'Time'],
      service: ['Treatment', 'Treatment Name', 'Service'],
      provider: ['Practitioner', 'Staff Member'],
      status: ['State', 'Status'],
      packageName: ['Package', 'Package Name'],
      remainingSessions: ['Remaining', 'Remaining Uses', 'Sessions Remaining'],
      expiresOn: ['Expiry Date', 'Expires'],
      note: ['Note', 'Notes', 'Chart Note'],
      noteDate: ['Note Date', 'Date Created'],
    },
  },
];

export const presetById = (id: string) => IMPORT_PRESETS.find((p) => p.id === id);
