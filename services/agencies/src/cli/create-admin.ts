import 'reflect-metadata';
import { Role, storeConfig } from '@pantau/common';
import { openRegistryStore } from '../storage/datasource';
import { importRegions } from '../storage/import-regions';
import { createAccount, seedRegistry } from '../storage/seed-registry';
import { passwordProblem } from '../domain/passwords';
import { normaliseEmail } from '../domain/email';

/**
 * Creates a staff account outside the demo (the first admin of a production install):
 *   npm run create-admin -w @pantau/agencies -- --email a@b.go.id --name "…" --agency kukar-diskominfo [--role ADMIN]
 * The password is read from PANTAU_NEW_PASSWORD (not from argv, which other users can see in `ps`).
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const typed = arg('email');
  // Stored normalised (NFKC, trimmed, lower case): sign-in looks accounts up in the same form.
  const email = typed === undefined ? undefined : normaliseEmail(typed);
  const name = arg('name');
  const agencyId = arg('agency');
  const role = (arg('role') ?? 'ADMIN') as Role;
  const password = process.env.PANTAU_NEW_PASSWORD ?? '';
  if (!email || !name || !agencyId) throw new Error('Usage: create-admin --email <email> --name <name> --agency <agencyId> [--role ADMIN]');
  if (!Object.values(Role).includes(role)) throw new Error(`--role must be one of ${Object.values(Role).join(', ')}`);
  const problem = passwordProblem(password);
  if (problem) throw new Error(`PANTAU_NEW_PASSWORD: ${problem}`);
  const ds = await openRegistryStore(storeConfig('agencies'));
  try {
    await importRegions(ds);
    await seedRegistry(ds);
    const [agency] = await ds.query('SELECT id FROM agencies WHERE id = ?', [agencyId]);
    if (!agency) throw new Error(`Unknown agency "${agencyId}"`);
    const id = await createAccount(ds, { email, name, role, agencyId, password });
    console.log(`Created ${role} account ${email} (${id}).`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
