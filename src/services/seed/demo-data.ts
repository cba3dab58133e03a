// The demo MedSpa: two locations in different states and time zones, a full team with different
// licence types, rooms, microneedling devices and a handful of clients. Emails use example.com.
import type { LicenceType, Modality, StaffRole } from '../../db/schema.js';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_ORG = { slug: 'glow', name: 'Glow Skin Studio' };

export const DEMO_LOCATIONS = [
  { key: 'austin', name: 'Austin – South Congress', time_zone: 'America/Chicago', state: 'TX', address: '1200 S Congress Ave, Austin, TX 78704', phone: '+1 512 555 0140' },
  { key: 'sandiego', name: 'San Diego – La Jolla', time_zone: 'America/Los_Angeles', state: 'CA', address: '7800 Girard Ave, La Jolla, CA 92037', phone: '+1 858 555 0175' },
] as const;

export interface DemoStaff {
  email: string;
  name: string;
  role: StaffRole;
  title: string;
  licence?: { type: LicenceType; number: string; state: string; expiresOn: string };
}

export const DEMO_STAFF: DemoStaff[] = [
  { email: 'owner@glow.example.com', name: 'Olivia Grant', role: 'owner', title: 'Owner' },
  { email: 'director@glow.example.com', name: 'Dr. Maya Reyes', role: 'medical_director', title: 'Medical Director, MD', licence: { type: 'md', number: 'TX-MD-48213', state: 'TX', expiresOn: '2028-06-30' } },
  { email: 'nurse@glow.example.com', name: 'Nina Park', role: 'provider', title: 'Aesthetic Nurse, RN', licence: { type: 'rn', number: 'TX-RN-920144', state: 'TX', expiresOn: '2027-09-30' } },
  { email: 'np@glow.example.com', name: 'Sam Lee', role: 'provider', title: 'Nurse Practitioner, NP', licence: { type: 'np', number: 'CA-NP-77120', state: 'CA', expiresOn: '2027-12-31' } },
  { email: 'esthetician@glow.example.com', name: 'Jess Cole', role: 'provider', title: 'Licensed Esthetician', licence: { type: 'esthetician', number: 'TX-EST-30551', state: 'TX', expiresOn: '2027-03-31' } },
  { email: 'frontdesk@glow.example.com', name: 'Frank Diaz', role: 'front_desk', title: 'Front Desk' },
];

export const DEMO_ROOMS = [
  { location: 'austin', name: 'Treatment Room 1' },
  { location: 'austin', name: 'Treatment Room 2' },
  { location: 'sandiego', name: 'Suite A' },
] as const;

export const DEMO_DEVICES: { location: 'austin' | 'sandiego'; modality: Modality; manufacturer: string; model: string; serial: string }[] = [
  { location: 'austin', modality: 'pen', manufacturer: 'Crown Aesthetics', model: 'SkinPen Precision', serial: 'SP-AUS-0001' },
  { location: 'austin', modality: 'rf', manufacturer: 'InMode', model: 'Morpheus8', serial: 'M8-AUS-0001' },
  { location: 'sandiego', modality: 'pen', manufacturer: 'Dermapen', model: 'Dermapen 4', serial: 'DP4-SD-0001' },
  { location: 'sandiego', modality: 'roller', manufacturer: 'Dermaroller', model: 'Clinical Roller 1.0 mm', serial: 'DR-SD-0001' },
];

export const DEMO_CLIENTS = [
  { first: 'Ava', last: 'Martinez', email: 'client@glow.example.com', phone: '+1 512 555 0101', dob: '1990-04-12', location: 'austin', account: true },
  { first: 'Liam', last: 'Nguyen', email: 'liam.nguyen@example.com', phone: '+1 512 555 0102', dob: '1985-09-30', location: 'austin', account: false },
  { first: 'Sofia', last: 'Okafor', email: 'sofia.okafor@example.com', phone: '+1 858 555 0103', dob: '1978-01-22', location: 'sandiego', account: false },
  { first: 'Noah', last: 'Kim', email: 'noah.kim@example.com', phone: '+1 858 555 0104', dob: '2001-07-05', location: 'sandiego', account: false },
  { first: 'Emma', last: 'Schulz', email: 'emma.schulz@example.com', phone: '+1 512 555 0105', dob: '1995-11-18', location: 'austin', account: false },
] as const;
