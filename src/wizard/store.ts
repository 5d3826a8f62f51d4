/**
 * The reader's progress through the wizard, kept in localStorage so `/wizard/` can offer
 * "Continue where you left off". The URL stays the truth; this only remembers the last one.
 */
// Installs the guarded storage engine before the stores below are created.
import '../components/storage';
import { persistentAtom } from '@nanostores/persistent';

/** URL path of the last wizard step the reader saw, e.g. `/wizard/admin/nginx/`; '' for none. */
export const $lastWizardPath = persistentAtom<string>('502guide:wizard-path', '');
