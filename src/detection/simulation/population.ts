import type { DirectoryEntry } from '../directory.js';
import { Random } from './random.js';

export type Role = 'agent' | 'qa_reviewer' | 'supervisor' | 'security_admin' | 'auditor';

/** One simulated person: role, brands, working pattern and where they connect from. */
export interface Person {
  id: string;
  role: Role;
  brands: string[];
  /** Shift start, hours UTC (fractional), and length in hours. */
  shiftStart: number;
  shiftHours: number;
  /** Days of the week (0 = Sunday) off work. */
  daysOff: number[];
  /** Work pace relative to the role's usual (0.6–1.5). */
  pace: number;
  /** Home (or office) network: a provider /16 and the /24 in use. */
  wide: string;
  narrow: string;
  office: boolean;
  downloads: boolean;
  exports: boolean;
}

export interface Integration {
  id: string;
  brand: string;
  /** Calls handed over per hour at the brand's peak. */
  peakPerHour: number;
  addresses: string[];
}

export interface Population {
  brands: string[];
  /** Brands that take card payments by phone. */
  paymentBrands: Set<string>;
  people: Person[];
  integrations: Integration[];
}

const SHIFTS: readonly (readonly [number, number])[] = [
  [6, 3],
  [8, 4],
  [9, 5],
  [13, 3],
  [14, 3],
  [22, 1],
];

/** Brand ids and sizes are drawn from the seed; roles follow a typical BPO floor. */
export function buildPopulation(users: number, seed: number): Population {
  const rnd = new Random(seed);
  const brandCount = Math.max(3, Math.min(12, Math.round(users / 70)));
  const brands = Array.from({ length: brandCount }, (_, i) => `br_${String(i + 1).padStart(2, '0')}`);
  const paymentBrands = new Set(brands.filter((_, i) => i % 2 === 0));
  const offices = brands.map(() => `10.${rnd.int(1, 250)}.${rnd.int(0, 255)}`);
  const people: Person[] = [];
  for (let i = 0; i < users; i++) {
    const role = rnd.weighted<Role>([
      ['agent', 74],
      ['qa_reviewer', 13],
      ['supervisor', 9],
      ['auditor', 2],
      ['security_admin', 2],
    ]);
    const main = rnd.pick(brands);
    const brandsOf = role === 'security_admin' || role === 'auditor' ? [...brands] : rnd.chance(role === 'qa_reviewer' ? 0.5 : 0.2) ? [main, rnd.pick(brands.filter((b) => b !== main))] : [main];
    const shiftStart = role === 'agent' ? rnd.weighted(SHIFTS) + rnd.between(-0.25, 0.25) : rnd.between(7.5, 9.5);
    const firstOff = rnd.int(0, 6);
    const office = rnd.chance(0.3);
    const wide = office ? offices[brands.indexOf(main)]!.split('.').slice(0, 2).join('.') : `${rnd.int(60, 220)}.${rnd.int(0, 255)}`;
    people.push({
      id: `usr_${String(i + 1).padStart(5, '0')}`,
      role,
      brands: brandsOf,
      shiftStart,
      shiftHours: role === 'agent' ? 8 : rnd.between(8, 9.5),
      daysOff: [firstOff, (firstOff + 1) % 7],
      pace: rnd.between(0.6, 1.5),
      wide,
      narrow: office ? offices[brands.indexOf(main)]! : `${wide}.${rnd.int(0, 255)}`,
      office,
      downloads: role === 'qa_reviewer' ? rnd.chance(0.4) : role === 'supervisor' ? rnd.chance(0.5) : false,
      exports: role === 'supervisor' ? rnd.chance(0.25) : role === 'auditor',
    });
  }
  const integrations = brands.map((brand, i) => {
    const net = `172.${16 + (i % 16)}.${rnd.int(0, 255)}`;
    return { id: `key_${brand}`, brand, peakPerHour: 20 + people.filter((p) => p.role === 'agent' && p.brands.includes(brand)).length * 2, addresses: [`${net}.10`, `${net}.11`] };
  });
  return { brands, paymentBrands, people, integrations };
}

export function directoryOf(pop: Population): DirectoryEntry[] {
  return [
    ...pop.people.map((p) => ({ id: p.id, kind: 'user' as const, role: p.role, brands: p.brands })),
    ...pop.integrations.map((k) => ({ id: k.id, kind: 'api_key' as const, role: 'integration', brands: [k.brand] })),
  ];
}
