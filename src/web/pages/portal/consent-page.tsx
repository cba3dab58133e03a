import { Anchor } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { ConsentSigner } from '../../components/clinical/consent-signer.js';
import type { Schemas } from '../../api/client.js';

type ConsentKind = Schemas['Consent']['kind'];
type Modality = NonNullable<Schemas['Consent']['modality']>;

const KINDS: ConsentKind[] = ['treatment', 'photo_clinical', 'photo_marketing'];
const MODALITIES: Modality[] = ['roller', 'pen', 'rf'];

export function ConsentPage() {
  const { me } = useSession();
  const [params] = useSearchParams();
  // the link's kind and modality, when they are ones the API knows
  const kind = KINDS.find((k) => k === params.get('kind')) ?? 'treatment';
  const modality = MODALITIES.find((m) => m === params.get('modality'));
  const planId = params.get('planId') ?? undefined;
  return (
    <Page title="Sign your consent" lead={<Anchor component={Link} to={planId ? `/portal/care/plans/${planId}` : '/portal/care'}>Back</Anchor>}>
      <ConsentSigner clientId={me?.clientId ?? ''} request={{ kind, planId, modality }} />
    </Page>
  );
}
