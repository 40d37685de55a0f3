/**
 * Lessons-learned texts for the synthetic interventions, by intervention type and outcome. Invented,
 * but written the way city managers report to each other (ERFA), so that full-text search has
 * something real to find: Mietvertrag, Laufkundschaft, Öffnungszeiten, Eigentümer, Förderbedingungen …
 * Placeholders: {street} (the unit's street), {tenant} (the business), {n} (a small number).
 */

import {
  normalizeObstacles,
  type InterventionObstacle,
} from '../../api/src/interventions/intervention.types.js';

export type OutcomeClass = 'success' | 'mixed' | 'failure';

export type LessonType =
  'test_shop' | 'pop_up' | 'temporary_use' | 'rent_subsidy' | 'facade_programme' | 'vacancy_exchange_listing';

export const LESSONS: Record<LessonType, Record<OutcomeClass, readonly string[]>> = {
  test_shop: {
    success: [
      'Entscheidend war der vorab mit dem Eigentümer verhandelte Anschlussmietvertrag mit Staffelmiete: {tenant} konnte nach der Testphase nahtlos übernehmen, ohne Umzug und ohne neue Einrichtung.',
      'Gemeinsames Kassensystem, Gründungsberatung durch die IHK und die Social-Media-Begleitung durch das Citymanagement haben die Einstiegshürde gesenkt. Laufkundschaft kam vor allem samstags über den Wochenmarkt.',
      'Die Testphase hat gezeigt, dass {tenant} mit verlässlichen Öffnungszeiten (Di–Sa 10–18 Uhr) genug Umsatz macht. Ohne die mietfreien sechs Monate hätte die Gründerin den Schritt nicht gewagt.',
    ],
    mixed: [
      '{tenant} hat einen Mietvertrag unterschrieben, aber nach wenigen Monaten wieder geschlossen: Nach der Testphase fehlte die Begleitung. Künftig ein Jahr Nachbetreuung und Mietstaffel vereinbaren.',
    ],
    failure: [
      'Gutes Sortiment, aber zu wenig Laufkundschaft in der Seitenlage; Öffnungszeiten nur bis 16 Uhr verfehlten die Berufstätigen. Testladen künftig nur an der Hauptlaufachse.',
      'Sechs Monate waren zu kurz, um Stammkundschaft aufzubauen, und der Eigentümer verlangte danach die volle Marktmiete. Anschlussmiete vor dem Start schriftlich vereinbaren.',
      'Das Konzept hing an einer Person; bei Krankheit blieb der Laden tagelang geschlossen. Künftig Ladengemeinschaften aus zwei bis drei Gründern bevorzugen.',
      'Der Onlinehandel lief besser als der Laden: {tenant} hat nach der Testphase auf reinen Versand umgestellt. Auswahlkriterien sollten stationäres Konzept und Beratung stärker gewichten.',
    ],
  },
  pop_up: {
    success: [
      'Der Pop-up-Store am Standort {street} war in den Aktionswochen gut besucht; {tenant} hat danach einen regulären Mietvertrag unterschrieben. Wichtig: Eigentümer war von Anfang an eingebunden.',
      'Kurze Laufzeit, klare Musterverträge und eine Versicherung über den Gewerbeverein haben den Aufwand klein gehalten. {tenant} ist geblieben.',
    ],
    mixed: [
      'Viel Aufmerksamkeit in der Lokalpresse, ein Mietvertrag kam zustande – aber das Geschäft hielt sich nur wenige Monate. Pop-ups beleben, ersetzen aber keinen Businessplan.',
    ],
    failure: [
      'Pop-up brachte Frequenz, aber keiner der Händler kam zurück: Kurzfristige Pop-ups beleben den Standort {street}, vermieten aber nicht.',
      'Versicherung, Brandschutzabnahme und Gewerbeanmeldung dauerten länger als die Aktion selbst. Für Pop-ups eine Checkliste und Musterverträge bereithalten.',
      'Der Laden war ohne Heizung und mit defekter Beleuchtung angeboten worden; die Kundschaft blieb draußen. Mindeststandard der Fläche vorher prüfen.',
    ],
  },
  temporary_use: {
    success: [
      '{tenant} ist nach der Zwischennutzung mit einem regulären Mietvertrag geblieben. Die Nutzungsvereinbarung mit fester Ausstiegsklausel hat dem Eigentümer die Angst vor Dauermietern genommen.',
      'Aus der Zwischennutzung wurde ein Dauermietverhältnis: {tenant} hat den Mietvertrag unterschrieben, der Eigentümer hat im Gegenzug die Schaufenster erneuert.',
    ],
    mixed: [
      'Die Zwischennutzung durch {tenant} hat den Standort {street} wieder sichtbar gemacht; der Eigentümer hat die Fläche danach saniert und an einen anderen Betrieb vermietet.',
      'Nebenkosten (Heizung im Winter) wurden unterschätzt; die Nutzungsvereinbarung muss Betriebskosten klar regeln. Der Eigentümer hat danach saniert – {tenant} musste ausziehen.',
      'Die Zwischennutzung war beliebt, aber nur an {n} Tagen pro Woche geöffnet. Für die Belebung der Straße zählen regelmäßige Öffnungszeiten mehr als Veranstaltungen; nach der Sanierung zog ein anderer Mieter ein.',
    ],
    failure: [
      'Die Zwischennutzung endete ohne Anschluss, weil die Erbengemeinschaft der Eigentümer sich nicht auf einen Mietvertrag einigen konnte. Eigentümerstruktur vorab klären.',
      'Ehrenamtlich betrieben und am Ende ohne Personal: Zwischennutzungen brauchen eine feste Ansprechperson und ein kleines Budget für Nebenkosten.',
    ],
  },
  rent_subsidy: {
    success: [
      'Mietzuschuss nur mit Businessplan und begleitendem Coaching: die geförderten Betriebe sind auch nach Auslaufen der Förderung geöffnet. Die monatlichen Gespräche mit dem Citymanagement haben Probleme früh sichtbar gemacht.',
      'Die Förderbedingungen verlangten einen Mietvertrag über mindestens drei Jahre; das hat Mitnahmeeffekte verhindert und die Eigentümer zu moderaten Mieten bewegt.',
    ],
    mixed: [
      'Die Hälfte der geförderten Betriebe hat überlebt. Die Förderbedingungen (Mindestöffnungszeiten 30 Std./Woche) schreckten Nebenerwerbsgründer ab; das Antragsverfahren war zu bürokratisch.',
    ],
    failure: [
      'Mitnahmeeffekt: {n} der geförderten Betriebe schlossen kurz nach Auslaufen des Mietzuschusses. Förderung künftig an Businessplan, Coaching und degressive Staffel koppeln.',
      'Der Zuschuss floss vor allem in überhöhte Mieten; einige Eigentümer hoben die Miete zum Förderbeginn an. Förderfähig nur bis zu einer ortsüblichen Vergleichsmiete.',
    ],
  },
  facade_programme: {
    success: [
      'Fassaden- und Schaufensterprogramm mit 40 % Zuschuss: hohe Nachfrage bei Eigentümern, das Stadtbild (u. a. {street}) hat sich sichtbar verbessert; zwei sanierte Läden sind inzwischen vermietet.',
    ],
    mixed: [
      'Gut für das Stadtbild, aber kein messbarer Effekt auf den Leerstand. Als Leerstandsinstrument nur in Kombination mit Eigentümerberatung sinnvoll.',
      'Die Abstimmung mit dem Denkmalschutz verzögerte {n} Maßnahmen um fast ein Jahr. Frühzeitige gemeinsame Begehung mit der Denkmalbehörde einplanen.',
    ],
    failure: [
      'Kaum Anträge: Der Eigenanteil von 60 % war für die meist älteren Eigentümer zu hoch, und die Förderbedingungen verlangten Vorfinanzierung. Mittel verfielen teilweise.',
    ],
  },
  vacancy_exchange_listing: {
    success: [
      'Erst mit vollständigen Exposés (Grundriss, Fotos, Miete, Nebenkosten) kamen ernsthafte Anfragen; die Hälfte der gelisteten Flächen ist vermietet.',
      'Die persönliche Eigentümeransprache durch das Citymanagement war wichtiger als die Online-Plattform selbst.',
    ],
    mixed: [
      'Viele Aufrufe, wenige Anfragen: Interessenten suchten kleinere Flächen als angeboten. Teilung großer Ladenflächen mit Eigentümern besprechen.',
    ],
    failure: [
      'Viele Eigentümer sind nicht erreichbar (Erbengemeinschaften, Wohnsitz außerhalb); ohne Eigentümeransprache bleibt die Leerstandsbörse leer.',
      'Die gelisteten Mieten lagen deutlich über dem, was Gründer zahlen können; trotz Börse kein einziger Mietvertrag. Mietpreisspiegel für Ladenflächen fehlt.',
    ],
  },
};

/**
 * What stood in the way, per lesson of a mixed or failed outcome, in the order of `LESSONS` (one list
 * per lesson; demo-generator.spec.ts checks the lengths): the coded obstacles the lesson tells of.
 * A successful one names none.
 */
export const LESSON_OBSTACLES: Record<
  LessonType,
  Record<Exclude<OutcomeClass, 'success'>, readonly (readonly InterventionObstacle[])[]>
> = {
  test_shop: {
    mixed: [['operator', 'business_concept']],
    failure: [['footfall', 'location'], ['rent_level', 'owner'], ['operator'], ['business_concept']],
  },
  pop_up: {
    mixed: [['business_concept']],
    failure: [['rent_level'], ['permits'], ['unit_condition']],
  },
  temporary_use: {
    mixed: [['owner'], ['unit_condition', 'owner'], ['operator']],
    failure: [['owner'], ['operator', 'funding']],
  },
  rent_subsidy: {
    mixed: [['permits']],
    failure: [
      ['funding', 'business_concept'],
      ['rent_level', 'owner'],
    ],
  },
  facade_programme: {
    mixed: [['owner'], ['permits']],
    failure: [['funding', 'owner']],
  },
  vacancy_exchange_listing: {
    mixed: [['unit_condition']],
    failure: [['owner'], ['rent_level']],
  },
};

/** The obstacles a lesson (a template of `LESSONS`) tells of; none for a success. */
export function obstaclesOfLesson(
  type: LessonType,
  outcome: OutcomeClass,
  template: string,
): InterventionObstacle[] {
  if (outcome === 'success') return [];
  return normalizeObstacles(LESSON_OBSTACLES[type][outcome][LESSONS[type][outcome].indexOf(template)] ?? []);
}

export function lessonText(template: string, vars: { street?: string; tenant?: string; n?: number }): string {
  return template
    .replaceAll('{street}', vars.street ?? 'Innenstadt')
    .replaceAll('{tenant}', vars.tenant ?? 'der Betrieb')
    .replaceAll('{n}', String(vars.n ?? 3));
}

export interface Campaign {
  type: 'event' | 'marketing' | 'other';
  title: string;
  description: string;
  outcome: OutcomeClass;
  /** What towns learnt from it, in a few variants: the same campaign in several towns does not read as copied. */
  lessons: readonly [string, ...string[]];
  /** An event's days: a Friday or Saturday evening, or a weekend ending on Sunday; in these months (1–12). */
  when?: { days: 'friday' | 'saturday' | 'weekend'; months?: readonly number[] };
}

/** Events, marketing and other measures without a particular shop: title, outcome and lesson go together. */
export const CAMPAIGNS: readonly Campaign[] = [
  {
    type: 'event',
    title: 'Late-Night-Shopping',
    description: 'Geschäfte öffnen bis 22 Uhr, Musik und Gastronomie in den Höfen.',
    outcome: 'success',
    lessons: [
      'Frequenzzählung +35 % am Abend, die Händler wollen es zweimal im Jahr wiederholen. Entscheidend war, dass fast alle Geschäfte der Hauptlaufachse mitgemacht haben.',
      'Am Abend kamen vor allem Berufstätige, die tagsüber nicht in die Innenstadt kommen; Gastronomie und Handel haben gemeinsam geworben. Wichtig: Parkhaus bis Mitternacht offen und Busse im Halbstundentakt.',
      'Die Läden der Seitenstraßen haben vom Abend mehr profitiert als erwartet, weil die Höfe bespielt wurden. Nächstes Mal früher mit den Eigentümern über Beleuchtung der leeren Schaufenster sprechen.',
    ],
    when: { days: 'friday' },
  },
  {
    type: 'event',
    title: 'Kunstnacht in leeren Läden',
    description: 'Künstlerinnen und Künstler bespielen für einen Abend leerstehende Läden.',
    outcome: 'success',
    lessons: [
      'Eigentümer haben die Flächen kostenlos geöffnet; danach kamen zwei Anfragen für Zwischennutzungen. Haftung und Versicherung über den Kunstverein geregelt.',
      'Viele Besucher sahen die leeren Flächen zum ersten Mal von innen; ein Eigentümer hat danach an eine Gründerin vermietet. Schlüsselübergabe und Reinigung vorher genau absprechen.',
      'Die Kunstnacht hat die Innenstadt ins Gespräch gebracht; zwei Flächen wurden danach als Atelier zwischengenutzt. Strom und Heizung der leeren Läden rechtzeitig mit den Eigentümern klären.',
    ],
    when: { days: 'saturday', months: [3, 4, 5, 9, 10, 11] },
  },
  {
    type: 'event',
    title: 'Stadtfest „Innenstadt erleben“',
    description: 'Zweitägiges Fest mit Bühnen am Markt und in den Nebenstraßen.',
    outcome: 'mixed',
    lessons: [
      'Hohe Frequenz am Wochenende, aber viele Händler öffneten sonntags nicht. Öffnungszeiten vorher mit dem Gewerbeverein abstimmen.',
      'Die Bühnen zogen viele Menschen an den Markt, die Nebenstraßen blieben aber leer. Programm auf mehrere Orte verteilen und die Händler der Seitenlagen einbinden.',
      'Gute Stimmung und volle Gastronomie, der Einzelhandel spürte kaum Umsatz. Verkaufsaktionen der Händler früher abstimmen und im Programmheft bewerben.',
    ],
    when: { days: 'weekend', months: [5, 6, 7, 8, 9] },
  },
  {
    type: 'event',
    title: 'Herbstmarkt mit verkaufsoffenem Sonntag',
    description: 'Markt mit regionalen Erzeugern, Geschäfte öffnen am Sonntag.',
    outcome: 'failure',
    lessons: [
      'Nur wenige Geschäfte machten mit, Besucher standen vor dunklen Schaufenstern; dazu hielten die Baustelle am Markt und fehlende Parkplätze viele fern. Ohne verbindliche Zusagen der Händler nicht wiederholen.',
      'Der Markt war gut besucht, aber die Geschäfte blieben zu großen Teilen geschlossen; die Genehmigung für den Sonntag kam zu spät, um Personal zu planen. Antrag künftig ein halbes Jahr vorher stellen.',
      'Regen und eine Umleitung wegen Bauarbeiten hielten die Besucher fern; die Händler verloren das Vertrauen in das Format. Termin nur noch mit Ausweichplan und verbindlicher Teilnahme der Geschäfte.',
    ],
    when: { days: 'weekend', months: [9, 10] },
  },
  {
    type: 'event',
    title: 'Tag der offenen Ladentür',
    description: 'Eigentümer zeigen leerstehende Flächen, Gründerinnen und Gründer können sie besichtigen.',
    outcome: 'mixed',
    lessons: [
      'Viele Neugierige, wenige Gründer. Die Besichtigungen brachten aber realistische Mietvorstellungen auf den Tisch; zwei Eigentümer senkten danach die Miete.',
      'Wenige ernsthafte Interessenten, aber die Eigentümer lernten sich untereinander kennen und tauschen seitdem Mietinteressenten aus. Künftig gezielt Gründerinnen über IHK und Hochschule einladen.',
      'Die Führung durch die leeren Flächen zog Presse und Nachbarn an, kaum Gründer. Flächenexposés mit Grundriss, Miete und Ansprechpartner vorher ins Netz stellen.',
    ],
    when: { days: 'saturday' },
  },
  {
    type: 'marketing',
    title: 'Stadtgutschein',
    description: 'Regionaler Gutschein, einlösbar in teilnehmenden Geschäften der Innenstadt.',
    outcome: 'success',
    lessons: [
      'Rund 120.000 € Umsatz im ersten Jahr, 80 % davon bei inhabergeführten Geschäften eingelöst. Arbeitgeber als Käufer gewinnen (steuerfreier Sachbezug).',
      'Der Gutschein wurde zum Weihnachtsgeschenk der Region; mehr als die Hälfte wurde in kleinen Fachgeschäften eingelöst. Die Abrechnung über die Sparkasse hat den Händlern Arbeit erspart.',
      'Nach schleppendem Start kam der Durchbruch, als Unternehmen ihn als Sachbezug an ihre Beschäftigten gaben. Akzeptanzstellen gut sichtbar kennzeichnen.',
    ],
  },
  {
    type: 'marketing',
    title: 'Schaufensterfolien für leere Läden',
    description: 'Großformatige Folien mit Stadtmotiven und Vermietungshinweis an leeren Schaufenstern.',
    outcome: 'mixed',
    lessons: [
      'Straßenbild freundlicher, Anfragen von Mietinteressenten aber nicht mehr als vorher. Kontaktdaten des Eigentümers auf der Folie hätten geholfen.',
      'Die Straße wirkt gepflegter, Anfragen kamen aber nur, wo die Folie eine Telefonnummer trug. Folien künftig immer mit Kontakt und Flächenangaben.',
      'Die Folien wurden gelobt, nach einem Jahr waren einige ausgeblichen und beschädigt. Haltbarkeit und Austausch gleich mit dem Auftrag vereinbaren.',
    ],
  },
  {
    type: 'marketing',
    title: 'Imagekampagne „Kauf lokal“',
    description: 'Plakat- und Social-Media-Kampagne für den inhabergeführten Handel.',
    outcome: 'failure',
    lessons: [
      'Plakate ohne klare Botschaft, Social-Media-Accounts mit kaum Reichweite; Wirkung nicht messbar. Budget lieber in Schaufenstergestaltung und Eigentümeransprache stecken.',
      'Die Kampagne blieb ohne messbare Wirkung auf Frequenz und Umsatz; die Händler fühlten sich nicht beteiligt. Lieber mit den Geschäften gemeinsame Aktionen als Plakate.',
      'Teure Motive, aber keine Aussage, wo man was kaufen kann. Geld künftig in eine gemeinsame Online-Übersicht der Geschäfte und Öffnungszeiten stecken.',
    ],
  },
  {
    type: 'other',
    title: 'Eigentümerstammtisch',
    description:
      'Regelmäßiges Treffen der Immobilieneigentümer der Innenstadt mit Citymanagement und Bauamt.',
    outcome: 'success',
    lessons: [
      'Der Stammtisch hat Vertrauen geschaffen: mehrere Eigentümer haben danach Flächen für Zwischennutzungen geöffnet und Mieten für Gründer gesenkt.',
      'Im kleinen Kreis sprechen Eigentümer offener über Mietvorstellungen; zwei leere Läden wurden danach an Gründer vermietet. Einladung persönlich durch den Bürgermeister wirkt.',
      'Die Treffen haben ein gemeinsames Bild der Lage geschaffen; ein Eigentümer hat seine Fläche für einen Testladen bereitgestellt. Ergebnisse jedes Treffens kurz protokollieren und verschicken.',
    ],
  },
  {
    type: 'other',
    title: 'Citymanagement-Stelle (befristet)',
    description: 'Zweijährig geförderte Stelle für Leerstandsmanagement und Händlerbetreuung.',
    outcome: 'mixed',
    lessons: [
      'Die Stelle hat viel angestoßen, aber nach Ende der Förderung fehlte die Verstetigung; Kontakte zu Eigentümern gingen verloren. Stelle von Anfang an im Stellenplan absichern.',
      'In zwei Jahren entstand ein gutes Netz zu Händlern und Eigentümern, doch nach dem Ende der Förderung war die Stelle ein halbes Jahr unbesetzt. Anschlussfinanzierung rechtzeitig im Haushalt planen.',
      'Die Stelle brachte Testläden und Gutschein auf den Weg; viel Zeit ging aber in Förderanträge und Berichte. Verwaltungsaufgaben von Anfang an auf mehrere Schultern verteilen.',
    ],
  },
  {
    type: 'other',
    title: 'Gründungsberatung im Rathaus',
    description: 'Wöchentliche Sprechstunde für Gründerinnen und Gründer mit IHK und Wirtschaftsförderung.',
    outcome: 'failure',
    lessons: [
      'Kaum genutzt: Termine nur vormittags und ohne Werbung. Beratung in einen Laden an der Hauptstraße verlegen und abends anbieten.',
      'Das Rathaus schreckte ab: Gründer kamen lieber in den Laden der Wirtschaftsförderung am Markt. Beratung dort anbieten, wo die Leerstände sind.',
      'Die Sprechstunde war kaum bekannt und fiel mehrmals aus. Feste Termine, Ankündigung in der Zeitung und eine Ansprechperson, die bleibt.',
    ],
  },
];
