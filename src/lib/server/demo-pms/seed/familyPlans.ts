import type { Prng } from '$lib/domain/random/createPrng';

export type Member = { firstName: string; age: number; gender: number };
export type FamilyPlan = { lastName: string; city: string; zip: string; members: Member[] };

const CURATED = ['Alvarez', 'Bennett', 'Chowdhury', 'Dubois', 'Eriksen', 'Fitzgerald', 'Gallagher', 'Hernandez', 'Ishikawa', 'Johansson', 'Kowalski', "O'Brien", 'Nakamura', 'Patel', 'Quinn', 'Rossi'];
const ADULTS: [string, number][] = [['Maria', 1], ['James', 0], ['Aisha', 1], ['Robert', 0], ['Linnea', 1], ['Thomas', 0], ['Grace', 1], ['Miguel', 0], ['Yuki', 1], ['Erik', 0], ['Anna', 1], ['Patrick', 0], ['Hana', 1], ['Ravi', 0], ['Siobhan', 1], ['Marco', 0]];
const PARTNERS = ['David', 'Emily', 'Omar', 'Claire', 'Nils', 'Helen', 'Sean', 'Lucia', 'Kenji', 'Ingrid', 'Piotr', 'Maeve', 'Sora', 'Priya', 'Liam', 'Giulia'];
const KIDS = ['Sofia', 'Noah', 'Zara', 'Leo', 'Freya', 'Owen', 'Ella', 'Mateo', 'Ren', 'Astrid', 'Zofia', 'Finn', 'Mio', 'Arjun', 'Nora', 'Luca'];
const SIZES = [4, 3, 1, 2, 4, 2, 3, 1, 3, 2, 4, 3, 2, 1, 4, 3]; // 42 patients
const MORE_NAMES = ['Abbott', 'Baker', 'Castillo', 'Dawson', 'Ellis', 'Foster', 'Garcia', 'Hughes', 'Ibrahim', 'Jensen', 'Kim', 'Lopez', 'Murphy', 'Nguyen', 'Ortiz', 'Price', 'Reed', 'Singh', 'Turner', 'Usman', 'Vargas', 'Walsh', 'Young', 'Zimmerman', 'Adams', 'Brooks', 'Cohen', 'Diaz', 'Evans', 'Fischer', 'Gomez', 'Hansen', 'Ivanova', 'Jones', 'Khan', 'Lee', 'Moreno', 'Novak', 'Olsen', 'Perez', 'Ramos', 'Smith', 'Tanaka', 'Ueda', 'Vu', 'Wong', 'Xu', 'Yilmaz', 'Zhang'];
const CITIES: [string, string][] = [['Portland', '97201'], ['Beaverton', '97005'], ['Lake Oswego', '97034'], ['Tigard', '97223']];

/**
 * The families of the demo practice: 16 hand-named families (42 patients) for the everyday demo, and
 * for a larger `patients` count, as many generated families as needed (for load measurements).
 */
export function familyPlans(rng: Prng, patients: number): FamilyPlan[] {
	const plans: FamilyPlan[] = [];
	let total = 0;
	for (let i = 0; total < patients; i++) {
		const curated = i < CURATED.length;
		const lastName = curated ? (CURATED[i] ?? 'Doe') : `${MORE_NAMES[i % MORE_NAMES.length]}${i >= MORE_NAMES.length * 2 ? `-${MORE_NAMES[Math.floor(i / MORE_NAMES.length) % MORE_NAMES.length]}` : ''}`;
		const [first, gender] = ADULTS[i % ADULTS.length] ?? ['Alex', 0];
		const size = Math.min(curated ? (SIZES[i] ?? 1) : rng.int(1, 4), patients - total);
		const members: Member[] = [{ firstName: first, age: rng.int(34, 78), gender }];
		if (size >= 2) members.push({ firstName: PARTNERS[i % PARTNERS.length] ?? 'Sam', age: rng.int(32, 75), gender: gender === 1 ? 0 : 1 });
		for (let k = 2; k < size; k++) members.push({ firstName: KIDS[(i + k) % KIDS.length] ?? 'Kid', age: rng.int(5, 17), gender: rng.int(0, 1) });
		const [city, zip] = rng.pick(CITIES);
		plans.push({ lastName, city, zip, members });
		total += size;
	}
	return plans;
}
