import { Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import type { SchedulingSetup } from './scheduling/types.js';
import { HoursSection } from './scheduling/opening-hours-card.js';
import { ProvidersSection } from './scheduling/providers-card.js';
import { ResourcesSection } from './scheduling/rooms-devices-card.js';
import { ServicesSection } from './scheduling/services-card.js';
import { ScopeSection } from './scheduling/scope-rules-card.js';

// The scheduling tab: pick a location, then one card per job, each editable only by the roles allowed to.

export function SchedulingTab() {
  const org = useGet('/api/organization', {});
  const [picked, setPicked] = useState<string | null>(null);
  const locations = org.data?.locations ?? [];
  const locationId = picked ?? locations[0]?.id ?? null;
  const setup = useGet('/api/locations/{locationId}/scheduling-setup', locationId ? { params: { path: { locationId } } } : null);

  if (org.loading && !org.data) return <Loading label="Loading locations" />;
  if (org.error || !org.data) return <ErrorAlert error={org.error} />;
  if (locations.length === 0)
    return <Empty title="No locations yet">Add a location before setting up scheduling.</Empty>;

  return (
    <Stack>
      <Select
        label="Location"
        maw={360}
        data={locations.map((l) => ({ value: l.id, label: l.name }))}
        value={locationId}
        allowDeselect={false}
        onChange={(v) => setPicked(v)}
      />
      {setup.loading && (!setup.data || setup.data.location.id !== locationId) ? (
        <Loading label="Loading scheduling setup" />
      ) : setup.error || !setup.data ? (
        <ErrorAlert error={setup.error} />
      ) : (
        <SetupSections key={setup.data.location.id} setup={setup.data} reload={setup.reload} />
      )}
    </Stack>
  );
}

function SetupSections({ setup, reload }: { setup: SchedulingSetup; reload: () => void }) {
  const { me } = useSession();
  const role = me?.role;
  const perms = {
    owner: role === 'owner',
    clinical: role === 'owner' || role === 'medical_director',
    timeOff: role === 'owner' || role === 'medical_director' || role === 'front_desk',
  };
  return (
    <Stack>
      <HoursSection setup={setup} canEdit={perms.owner} reload={reload} />
      <ProvidersSection setup={setup} perms={perms} reload={reload} />
      <ResourcesSection setup={setup} canEdit={perms.owner} reload={reload} />
      <ServicesSection setup={setup} canEdit={perms.owner} reload={reload} />
      <ScopeSection setup={setup} canEdit={perms.clinical} reload={reload} />
    </Stack>
  );
}
