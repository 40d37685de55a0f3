import type { Random } from './prng.js';

/** Name pools for the synthetic demo data. Any resemblance to a real business is coincidental. */

export const USE_CATEGORIES = [
  'retail_comparison',
  'retail_daily',
  'food_drink',
  'services',
  'health',
  'culture_leisure',
  'public_social',
  'other',
] as const;
export type UseCategory = (typeof USE_CATEGORIES)[number];

export const SQUARE_NAMES = ['Markt', 'Marktplatz', 'Obermarkt', 'Kornmarkt', 'Untermarkt', 'Neumarkt'];

export const RADIAL_STREET_NAMES = [
  'Marktstraße',
  'Steinweg',
  'Lange Straße',
  'Kirchgasse',
  'Bahnhofstraße',
  'Holzgasse',
  'Brückenstraße',
  'Salzstraße',
  'Burgstraße',
  'Schulstraße',
  'Töpfergasse',
  'Fleischgasse',
  'Badergasse',
  'Rathausstraße',
  'Neue Straße',
  'Kramergasse',
  'Erfurter Straße',
  'Mühlgasse',
];

export const CROSS_STREET_NAMES = [
  'Poststraße',
  'Querstraße',
  'Schillerstraße',
  'Goethestraße',
  'Friedrichstraße',
];
export const RING_STREET_NAMES = ['Wallstraße', 'Am Graben', 'Grabenstraße', 'Ringstraße', 'Stadtmauerweg'];

// prettier-ignore
const SURNAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
  'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Schulze', 'Köhler', 'Herrmann', 'König', 'Walter',
  'Kaiser', 'Fuchs', 'Peters', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich', 'Keller',
  'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster',
  'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Krämer', 'Vogt', 'Jäger', 'Otto', 'Sommer', 'Seidel', 'Heinrich',
  'Brandt', 'Thiele', 'Ehrhardt', 'Eckardt', 'Heyne', 'Voigt', 'Pohl', 'Engel', 'Horn', 'Kühn', 'Arnold',
];
// prettier-ignore
const FIRST_NAMES = [
  'Anna', 'Katrin', 'Sabine', 'Jana', 'Susanne', 'Petra', 'Lena', 'Mandy', 'Claudia', 'Nicole', 'Sandra',
  'Thomas', 'Andreas', 'Michael', 'Steffen', 'Jens', 'Uwe', 'Mario', 'René', 'Tobias', 'Marcel', 'Frank',
];
// prettier-ignore
const FANTASY = [
  'Glücksgriff', 'Lieblingsstück', 'Zeitlos', 'Herzstück', 'Fundstück', 'Kleine Freude', 'Landliebe',
  'Goldstück', 'Sonnenseite', 'Eigenart', 'Feinsinn', 'Wunderbar', 'Stadtkind', 'Augenblick', 'Nordlicht',
];

/** Patterns per use category; {S} surname, {F} first name, {X} fantasy word. */
// prettier-ignore
const PATTERNS: Record<UseCategory, string[]> = {
  retail_comparison: [
    'Modehaus {S}', 'Schuhhaus {S}', 'Buchhandlung {S}', 'Boutique {F}', 'Uhren & Schmuck {S}',
    'Spielwaren {S}', 'Geschenkeladen {X}', 'Wollstübchen {F}', 'Haushaltswaren {S}', 'Lederwaren {S}',
    'Second-Hand {X}', 'Papeterie {X}', 'Elektro {S}', 'Fahrradladen {S}', 'Dekoladen {X}',
  ],
  retail_daily: [
    'Bäckerei {S}', 'Fleischerei {S}', 'Blumen {F}', 'Bioladen {X}', 'Feinkost {S}', 'Obst & Gemüse {S}',
    'Tabak & Presse {S}', 'Drogerie {S}', 'Getränke {S}', 'Kaffeerösterei {X}', 'Hofladen {S}',
  ],
  food_drink: [
    'Café {F}', 'Eiscafé {X}', 'Bistro {X}', 'Weinstube {S}', 'Imbiss bei {F}', 'Pizzeria Da {F}',
    'Gaststätte Zum {S}', 'Asia-Bistro {X}', 'Döner & Grill {X}', 'Bar {X}', 'Suppenküche {F}',
  ],
  services: [
    'Friseur {F}', 'Reisebüro {S}', 'Versicherungsbüro {S}', 'Steuerberatung {S}', 'Nagelstudio {X}',
    'Handyreparatur {X}', 'Änderungsschneiderei {F}', 'Immobilien {S}', 'Schlüsseldienst {S}',
    'Fotostudio {X}', 'Kosmetikstudio {F}', 'Reinigung {S}', 'Fahrschule {S}',
  ],
  health: [
    'Löwen-Apotheke', 'Rats-Apotheke', 'Adler-Apotheke', 'Physiotherapie {S}', 'Hörakustik {S}', 'Optik {S}', 'Sanitätshaus {S}',
    'Zahnarztpraxis Dr. {S}', 'Ergotherapie {F} {S}', 'Pflegedienst {X}', 'Podologie {F}',
  ],
  culture_leisure: [
    'Galerie {S}', 'Musikschule {X}', 'Yoga-Studio {X}', 'Tanzschule {S}', 'Spieletreff {X}',
    'Kunstverein {X}', 'Atelier {F} {S}', 'Kleinkunstbühne {X}',
  ],
  public_social: [
    'Bürgerbüro', 'Stadtinformation', 'Nachbarschaftstreff', 'Quartiersbüro', 'Tafel-Laden',
    'Jugendtreff {X}', 'Seniorenbegegnungsstätte', 'Beratungsstelle der Diakonie',
  ],
  other: ['Büro {S} GmbH', 'Lager {S}', 'Wettbüro {X}', 'Ausstellungsraum {S}', 'Ladenbüro {X}'],
};

export function businessName(rng: Random, category: UseCategory, taken: Set<string>): string {
  let name = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    name = rng
      .pick(PATTERNS[category])
      .replace('{S}', rng.pick(SURNAMES))
      .replace('{F}', rng.pick(FIRST_NAMES))
      .replace('{X}', rng.pick(FANTASY));
    if (!taken.has(name)) break;
  }
  taken.add(name);
  return name;
}

/** Young businesses trying a test shop, pop-up or temporary use (with their use category). */
export const STARTUP_CONCEPTS: readonly { name: string; category: UseCategory }[] = [
  { name: 'Unverpackt-Laden Füllgut', category: 'retail_daily' },
  { name: 'Keramikwerkstatt Scherbenglück', category: 'retail_comparison' },
  { name: 'Kleiderliebe Second-Hand', category: 'retail_comparison' },
  { name: 'Feinkost Thüringer Schatzkiste', category: 'retail_daily' },
  { name: 'Upcycling-Atelier Neuwert', category: 'retail_comparison' },
  { name: 'Kinder-Secondhand Pünktchen', category: 'retail_comparison' },
  { name: 'Weinhandel Rebstock', category: 'retail_daily' },
  { name: 'Fahrradwerkstatt Kettenblatt', category: 'services' },
  { name: 'Nähcafé Fadenlauf', category: 'food_drink' },
  { name: 'Spieleladen Würfelglück', category: 'retail_comparison' },
  { name: 'Handgemacht – Kunsthandwerk aus der Region', category: 'retail_comparison' },
  { name: 'Teestube Blattwerk', category: 'food_drink' },
  { name: 'Naturkosmetik Wildrose', category: 'retail_comparison' },
  { name: 'Reparatur-Café Schraubzwinge', category: 'public_social' },
  { name: 'Plattenladen Rille 33', category: 'retail_comparison' },
  { name: 'Goldschmiede Feingold', category: 'retail_comparison' },
  { name: 'Buchcafé Eselsohr', category: 'food_drink' },
  { name: 'Holzspielzeug Kreisel', category: 'retail_comparison' },
  { name: 'Kreativraum Farbfleck', category: 'culture_leisure' },
  { name: 'Manufaktur Zuckerwerk', category: 'retail_daily' },
];

/** Clubs and initiatives that take a vacant shop for a temporary use (Zwischennutzung). */
export const INTERIM_USERS: readonly { name: string; category: UseCategory }[] = [
  { name: 'Kunstverein Zwischenraum', category: 'culture_leisure' },
  { name: 'Jugendkunstschule – Atelier auf Zeit', category: 'culture_leisure' },
  { name: 'Heimatverein – Ausstellung Stadtgeschichte', category: 'culture_leisure' },
  { name: 'Fotoclub – Galerie auf Zeit', category: 'culture_leisure' },
  { name: 'Nachbarschaftsladen Miteinander', category: 'public_social' },
  { name: 'Repair-Café der Bürgerstiftung', category: 'public_social' },
  { name: 'Weltladen-Initiative', category: 'retail_comparison' },
  { name: 'Smart-City-Schaufenster', category: 'public_social' },
  { name: 'Kreativkollektiv Leerraum', category: 'culture_leisure' },
  { name: 'Lesecafé des Fördervereins', category: 'food_drink' },
];
