import { Anchor } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { ConsentSigner } from '../../components/clinical/consent-signer.js';
import type { ConsentView } from '../../api/clinical-types.js';

const KINDS: ConsentView['kind'][] = ['treatment', 'photo_clinical', 'photo_marketing'];

export function ConsentPage() {
  const { me } = useSession();
  const [params] = useSearchParams();
  const raw = params.get('kind') as ConsentView['kind'] | null;
  const kind = raw && KINDS.includes(raw) ? raw : 'treatment';
  const planId = params.get('planId') ?? undefined;
  return (
    <Page title="Sign your consent" lead={<Anchor component={Link} to={planId ? `/portal/care/plans/${planId}` : '/portal/care'}>Back</Anchor>}>
      <ConsentSigner clientId={me?.clientId ?? ''} request={{ kind, planId, modality: params.get('modality') ?? undefined }} />
    </Page>
  );
}
