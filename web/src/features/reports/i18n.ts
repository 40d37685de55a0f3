import i18n from 'i18next';

/**
 * The report's strings, kept out of the shared de/en.json (added as a deep-merged bundle under
 * `reports.`). Status, category and intervention names come from the shared bundle.
 */
const de = {
  reports: {
    townTitle: 'Innenstadtbericht {{town}}',
    networkTitle: 'Netzwerkbericht {{network}}',
    kind: 'Leerstandsbericht',
    asOf: 'Stichtag',
    asOfLong: 'Stand: {{date}}',
    created: 'Erstellt am {{date}}',
    loading: 'Bericht wird vorbereitet …',
    noAccess:
      'Keine Berechtigung: Dieser Bericht gehört zu einer Stadt, deren Zahlen Sie nicht sehen dürfen.',
    signInNeeded: 'Bitte melden Sie sich an, um diesen Bericht zu öffnen.',
    unavailable: 'Bericht nicht verfügbar',
    notFound: 'Diesen Bericht gibt es nicht.',
    failed: 'Der Bericht konnte nicht geladen werden.',
    tableScroll: '{{title}} (Tabelle)',
    toolbar: {
      label: 'Berichtsoptionen',
      date: 'Stichtag',
      language: 'Sprache',
      network: 'Vergleich mit Netzwerk',
      apply: 'Anzeigen',
      print: 'Drucken',
      pdf: 'PDF herunterladen',
      pdfBusy: 'PDF wird erstellt …',
      back: 'Zur Karte',
    },
    pdfError: {
      REPORT_RENDERER_BUSY:
        'Gerade werden zu viele Berichte erstellt. Bitte versuchen Sie es in einer Minute erneut.',
      REPORT_RENDERER_UNAVAILABLE:
        'Die PDF-Erstellung ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut oder speichern Sie den Bericht über „Drucken“ als PDF.',
      REPORT_RENDER_TIMEOUT: 'Das Erstellen des PDFs hat zu lange gedauert. Bitte versuchen Sie es erneut.',
      REPORT_PAGE_FAILED:
        'Das PDF konnte nicht erstellt werden, weil der Bericht nicht geladen werden konnte. Bitte versuchen Sie es erneut.',
      failed: 'Das PDF konnte nicht heruntergeladen werden. Bitte versuchen Sie es erneut.',
    },
    synthetic:
      'Demodaten: Die Ladenlokale dieser Stadt sind synthetisch erzeugt und zeigen keine echte Lage.',
    map: {
      title: 'Innenstadtkarte',
      label: 'Karte der Innenstadt von {{town}} am {{date}}: {{units}} Ladenlokale nach Status',
      perimeter: 'Innenstadtbereich',
      placeholder: 'Innenstadtbereich vorläufig (Kreis um das Zentrum, noch nicht abgegrenzt)',
      outside: 'außerhalb des Innenstadtbereichs (nicht in den Kennzahlen)',
      north: 'N',
      scale: 'Maßstab',
      crs: 'Projektion {{crs}} (ETRS89 / UTM)',
    },
    sheet: {
      title: 'Kennzahlen',
      kpi: 'Kennzahl',
      value: 'Wert',
      previous: 'Vorjahr ({{date}})',
      change: 'Veränderung zum Vorjahr',
      median: 'Median Netzwerk',
      medianNone: 'Netzwerkmedian',
      noNetwork:
        'Kennzahlen am {{date}}; Veränderung gegenüber dem Vorjahr. Die Stadt gehört zu keinem Netzwerk, daher kein Median.',
      flows: 'Bewegungen in den 12 Monaten bis zum Stichtag',
      caption:
        'Kennzahlen am {{date}}; Veränderung gegenüber dem Vorjahr; Median der Städte des Netzwerks „{{network}}“ (n = {{n}}).',
      pp: '{{value}} Pp.',
    },
    keyFigures: { vsPrevious: 'zum Vorjahr' },
    kpi: {
      units: 'Ladenlokale im Innenstadtbereich',
      vacantUnits: 'Leerstehende Ladenlokale',
      vacancyRate: 'Leerstandsquote',
      notInUseRate: 'Quote nicht genutzt',
      vacancyRateByArea: 'Leerstandsquote nach Fläche',
      longTermVacantUnits: 'Langzeitleerstände (≥ 12 Monate)',
      longTermVacancyShare: 'Anteil Langzeitleerstand',
      medianVacancyDays: 'Median Leerstandsdauer (Tage)',
      temporaryUseShare: 'Anteil Zwischennutzung',
      vacantPer1000Inhabitants: 'Leerstände je 1.000 Einwohner',
      dataFreshness: 'Datenaktualität (geprüft in 12 Monaten)',
      interventionConversionRate:
        'Quote Übergang in reguläre Miete (Testläden, Pop-ups, Zwischennutzungen; alle bis zum Stichtag ausgewerteten)',
      openings: 'Eröffnungen (12 Monate)',
      closures: 'Schließungen (12 Monate)',
      netChange: 'Saldo Eröffnungen – Schließungen (12 Monate)',
      reLettings: 'Wiedervermietungen (12 Monate)',
      medianReLettingDays: 'Median Wiedervermietungsdauer (Tage, 12 Monate)',
    },
    charts: {
      vacancy: 'Leerstandsquote im Zeitverlauf',
      vacancyCaption: 'Leerstandsquote jeweils am Quartalsende, zuletzt am Stichtag.',
      vacancyNetwork: 'Leerstandsquote im Zeitverlauf (je Stadt)',
      useMix: 'Nutzungsmix',
      useMixCaption: 'Anteil der genutzten Ladenlokale je Nutzungsart am Stichtag.',
      share: 'Anteil',
      unspecified: 'ohne Angabe',
    },
    longTerm: {
      title: 'Langzeitleerstände',
      caption:
        'Ladenlokale im Innenstadtbereich, die am {{date}} seit mindestens 12 Monaten leer stehen ({{count}}).',
      address: 'Adresse',
      area: 'Fläche',
      since: 'Leer seit',
      months: 'Monate',
      none: 'Keine Langzeitleerstände am Stichtag.',
      more: '… und {{count}} weitere (vollständige Liste im Dashboard).',
    },
    transitions: {
      title: 'Eröffnungen und Schließungen',
      caption:
        'Ladenlokale im Innenstadtbereich, die vom {{from}} bis zum {{to}} in Nutzung kamen oder aus ihr gingen: {{openings}}, {{closures}} (die Kennzahlen des Blatts).',
      openings_one: '{{formatted}} Eröffnung',
      openings_other: '{{formatted}} Eröffnungen',
      closures_one: '{{formatted}} Schließung',
      closures_other: '{{formatted}} Schließungen',
      day: 'Datum',
      address: 'Adresse',
      kind: 'Veränderung',
      before: 'Vorher',
      after: 'Nachher',
      none: 'Keine Eröffnungen oder Schließungen in den 12 Monaten bis zum Stichtag.',
      more: '… und {{count}} weitere (vollständige Liste im Dashboard unter „Veränderungen“).',
    },
    interventions: {
      title: 'Maßnahmen',
      caption:
        'Maßnahmen der Stadt, begonnen bis zum Stichtag, mit Kosten und dem Ergebnis nach 12 Monaten, wie es am Stichtag bekannt war: nach derselben Regel wie Kennzahl und Wissensdatenbank (12-Monats-Kontrolle vor Register; Seite „Kennzahlen“).',
      truncated:
        'Die Stadt hat {{total}} Maßnahmen erfasst; der Bericht berücksichtigt die {{shown}} zuletzt begonnenen.',
      measure: 'Maßnahme',
      moreUnits_one: '{{addresses}} und {{count}} weiteres Ladenlokal',
      moreUnits_other: '{{addresses}} und {{count}} weitere Ladenlokale',
      type: 'Art',
      period: 'Zeitraum',
      state: 'Stand',
      cost: 'Kosten',
      outcome: 'Ergebnis nach 12 Monaten',
      none: 'Keine Maßnahmen bis zum Stichtag.',
      total: 'Summe Kosten',
      hidden: 'Maßnahmen sind nur für angemeldete Leserinnen und Leser der Stadt sichtbar.',
    },
    freshness: {
      title: 'Datenstand',
      share: 'Ladenlokale, die in den 12 Monaten vor dem Stichtag vor Ort geprüft wurden: {{share}}.',
      lastVerified: 'Letzte Prüfung vor Ort: {{date}}.',
      lastChange: 'Letzte Änderung im Register: {{date}}.',
    },
    footer: {
      definitions:
        'Kennzahlen nach Definition {{version}} (Schaufenster, Seite „Kennzahlen“); Quoten beziehen sich auf den Innenstadtbereich.',
      sources:
        'Quellen: Leerstandsregister der Stadt (Schaufenster); Einwohnerzahl: {{population}}; Geometrien: © GeoBasis-DE / BKG 2016 (dl-de/by-2-0).',
      link: 'Dauerhafter Link: {{url}}',
    },
    network: {
      towns: 'Städte im Netzwerk',
      visible_one: 'Berücksichtigt: {{count}} Stadt, deren Zahlen Sie sehen dürfen.',
      visible_other: 'Berücksichtigt: {{count}} Städte, deren Zahlen Sie sehen dürfen.',
      town: 'Stadt',
      distribution: 'Verteilung im Netzwerk',
      median: 'Median',
      q1: '1. Quartil',
      q3: '3. Quartil',
      min: 'Min.',
      max: 'Max.',
      n: 'n',
      interventionsByType: 'Maßnahmen nach Art',
      interventionsCounted_one:
        'Gezählt: die Maßnahmen von {{count}} Stadt des Netzwerks, deren Maßnahmen Sie lesen dürfen.',
      interventionsCounted_other:
        'Gezählt: die Maßnahmen von {{count}} Städten des Netzwerks, deren Maßnahmen Sie lesen dürfen.',
      tried: 'durchgeführt',
      evaluated: 'ausgewertet',
      lease: 'davon Erfolg nach 12 Monaten',
      overdue: 'Kontrolle überfällig',
      notMeasured: 'nicht erhoben',
      medianCost: 'Median Kosten je Ladenlokal',
    },
    networkMap: {
      title: 'Übersichtskarte',
      label_one:
        'Übersichtskarte des Netzwerks {{network}} am {{date}}: {{count}} Stadt, eingefärbt nach Leerstandsquote. Die Werte stehen in der Tabelle „Städte im Netzwerk“.',
      label_other:
        'Übersichtskarte des Netzwerks {{network}} am {{date}}: {{count}} Städte, eingefärbt nach Leerstandsquote. Die Werte je Stadt stehen in der Tabelle „Städte im Netzwerk“.',
      legend: 'Legende: Leerstandsquote am Stichtag',
      below: 'unter {{to}}',
      range: '{{from}} bis unter {{to}}',
      above: '{{from}} und mehr',
      noData: 'keine Daten (keine Ladenlokale am Stichtag)',
      noDataShort: 'keine Daten',
      boundary: 'Gemeindegrenze',
      caption:
        'Leerstandsquote im Innenstadtbereich am Stichtag, farbig nach festen Klassen; gezeigt werden die Städte, deren Zahlen Sie sehen dürfen. Die Werte je Stadt stehen in der Tabelle',
      tableLink: '„Städte im Netzwerk“',
      none: 'Keine Stadt des Netzwerks, deren Zahlen Sie sehen dürfen: keine Karte.',
      synthetic:
        'Demodaten: Die Ladenlokale von {{towns}} sind synthetisch erzeugt und zeigen keine echte Lage; die Quoten sind erfunden.',
      syntheticAll:
        'Demodaten: Die Ladenlokale aller Städte dieses Berichts sind synthetisch erzeugt und zeigen keine echte Lage; die Quoten sind erfunden.',
    },
  },
};

type Bundle = typeof de;

const en: Bundle = {
  reports: {
    townTitle: '{{town}} town centre report',
    networkTitle: 'Network report {{network}}',
    kind: 'Vacancy report',
    asOf: 'Reference date',
    asOfLong: 'As of {{date}}',
    created: 'Created on {{date}}',
    loading: 'Preparing the report …',
    noAccess: 'No access: this report belongs to a town whose figures you may not see.',
    signInNeeded: 'Please sign in to open this report.',
    unavailable: 'Report not available',
    notFound: 'This report does not exist.',
    failed: 'The report could not be loaded.',
    tableScroll: '{{title}} (table)',
    toolbar: {
      label: 'Report options',
      date: 'Reference date',
      language: 'Language',
      network: 'Compare with network',
      apply: 'Show',
      print: 'Print',
      pdf: 'Download PDF',
      pdfBusy: 'Creating PDF …',
      back: 'Back to the map',
    },
    pdfError: {
      REPORT_RENDERER_BUSY: 'Too many reports are being created right now. Please try again in a minute.',
      REPORT_RENDERER_UNAVAILABLE:
        'PDF creation is not available right now. Please try again later, or use “Print” to save the report as a PDF.',
      REPORT_RENDER_TIMEOUT: 'Creating the PDF took too long. Please try again.',
      REPORT_PAGE_FAILED: 'The PDF could not be created because the report failed to load. Please try again.',
      failed: 'The PDF could not be downloaded. Please try again.',
    },
    synthetic: 'Demo data: this town’s storefronts are synthetic and do not show real locations.',
    map: {
      title: 'Town centre map',
      label: 'Map of the town centre of {{town}} on {{date}}: {{units}} storefronts by status',
      perimeter: 'Town centre perimeter',
      placeholder: 'Provisional perimeter (circle around the centre, not yet delimited)',
      outside: 'outside the perimeter (not in the KPIs)',
      north: 'N',
      scale: 'Scale',
      crs: 'Projection {{crs}} (ETRS89 / UTM)',
    },
    sheet: {
      title: 'Key figures',
      kpi: 'Indicator',
      value: 'Value',
      previous: 'Previous year ({{date}})',
      change: 'Change on previous year',
      median: 'Network median',
      medianNone: 'Network median',
      noNetwork:
        'Key figures on {{date}}; change against the previous year. The town belongs to no network, so there is no median.',
      flows: 'Movements in the 12 months up to the reference date',
      caption:
        'Key figures on {{date}}; change against the previous year; median of the towns of the network “{{network}}” (n = {{n}}).',
      pp: '{{value}} pp',
    },
    keyFigures: { vsPrevious: 'on previous year' },
    kpi: {
      units: 'Storefronts in the town centre',
      vacantUnits: 'Vacant storefronts',
      vacancyRate: 'Vacancy rate',
      notInUseRate: 'Not-in-use rate',
      vacancyRateByArea: 'Vacancy rate by floor area',
      longTermVacantUnits: 'Long-term vacancies (≥ 12 months)',
      longTermVacancyShare: 'Share of long-term vacancy',
      medianVacancyDays: 'Median vacancy duration (days)',
      temporaryUseShare: 'Share of temporary use',
      vacantPer1000Inhabitants: 'Vacancies per 1,000 inhabitants',
      dataFreshness: 'Data freshness (verified within 12 months)',
      interventionConversionRate:
        'Conversion to a regular lease (test shops, pop-ups, temporary uses; all evaluated up to the date)',
      openings: 'Openings (12 months)',
      closures: 'Closures (12 months)',
      netChange: 'Net change: openings minus closures (12 months)',
      reLettings: 'Re-lettings (12 months)',
      medianReLettingDays: 'Median re-letting duration (days, 12 months)',
    },
    charts: {
      vacancy: 'Vacancy rate over time',
      vacancyCaption: 'Vacancy rate at the end of each quarter, last on the reference date.',
      vacancyNetwork: 'Vacancy rate over time (per town)',
      useMix: 'Use mix',
      useMixCaption: 'Share of storefronts in use per use category on the reference date.',
      share: 'Share',
      unspecified: 'not specified',
    },
    longTerm: {
      title: 'Long-term vacancies',
      caption: 'Storefronts in the town centre vacant for at least 12 months on {{date}} ({{count}}).',
      address: 'Address',
      area: 'Floor area',
      since: 'Vacant since',
      months: 'Months',
      none: 'No long-term vacancies on the reference date.',
      more: '… and {{count}} more (full list in the dashboard).',
    },
    transitions: {
      title: 'Openings and closures',
      caption:
        'Storefronts in the town centre that came into or went out of use from {{from}} to {{to}}: {{openings}}, {{closures}} (as counted in the key figures table).',
      openings_one: '{{formatted}} opening',
      openings_other: '{{formatted}} openings',
      closures_one: '{{formatted}} closure',
      closures_other: '{{formatted}} closures',
      day: 'Date',
      address: 'Address',
      kind: 'Change',
      before: 'Before',
      after: 'After',
      none: 'No openings or closures in the 12 months up to the reference date.',
      more: '… and {{count}} more (full list in the dashboard under “Changes”).',
    },
    interventions: {
      title: 'Interventions',
      caption:
        'The town’s interventions started by the reference date, with cost and the outcome after 12 months as known on the reference date: by the same rule as the KPI and the knowledge base (the 12-month check before the register; page “KPIs”).',
      truncated:
        'The town has recorded {{total}} interventions; the report considers the {{shown}} most recently started.',
      measure: 'Intervention',
      moreUnits_one: '{{addresses}} and {{count}} more unit',
      moreUnits_other: '{{addresses}} and {{count}} more units',
      type: 'Type',
      period: 'Period',
      state: 'State',
      cost: 'Cost',
      outcome: 'Outcome after 12 months',
      none: 'No interventions by the reference date.',
      total: 'Total cost',
      hidden: 'Interventions are visible to the town’s signed-in readers only.',
    },
    freshness: {
      title: 'Data freshness',
      share: 'Storefronts verified on site in the 12 months before the reference date: {{share}}.',
      lastVerified: 'Last on-site verification: {{date}}.',
      lastChange: 'Last change in the register: {{date}}.',
    },
    footer: {
      definitions:
        'Key figures by definition {{version}} (Schaufenster, page “KPIs”); rates refer to the town centre perimeter.',
      sources:
        'Sources: the town’s vacancy register (Schaufenster); population: {{population}}; geometries: © GeoBasis-DE / BKG 2016 (dl-de/by-2-0).',
      link: 'Permanent link: {{url}}',
    },
    network: {
      towns: 'Towns in the network',
      visible_one: 'Included: {{count}} town whose figures you may see.',
      visible_other: 'Included: {{count}} towns whose figures you may see.',
      town: 'Town',
      distribution: 'Distribution in the network',
      median: 'Median',
      q1: '1st quartile',
      q3: '3rd quartile',
      min: 'Min',
      max: 'Max',
      n: 'n',
      interventionsByType: 'Interventions by type',
      interventionsCounted_one:
        'Counted: the interventions of {{count}} town of the network whose interventions you may read.',
      interventionsCounted_other:
        'Counted: the interventions of {{count}} towns of the network whose interventions you may read.',
      tried: 'carried out',
      evaluated: 'evaluated',
      lease: 'of which success after 12 months',
      overdue: 'check overdue',
      notMeasured: 'not measured',
      medianCost: 'Median cost per storefront',
    },
    networkMap: {
      title: 'Overview map',
      label_one:
        'Overview map of the network {{network}} on {{date}}: {{count}} town, coloured by vacancy rate. The figures are in the table “Towns in the network”.',
      label_other:
        'Overview map of the network {{network}} on {{date}}: {{count}} towns, coloured by vacancy rate. The figures per town are in the table “Towns in the network”.',
      legend: 'Legend: vacancy rate on the reference date',
      below: 'under {{to}}',
      range: '{{from}} to under {{to}}',
      above: '{{from}} and more',
      noData: 'no data (no storefronts on the reference date)',
      noDataShort: 'no data',
      boundary: 'Municipal boundary',
      caption:
        'Vacancy rate in the town centre on the reference date, coloured in fixed classes; showing the towns whose figures you may see. The figures per town are in the table',
      tableLink: '“Towns in the network”',
      none: 'No town of the network whose figures you may see: no map.',
      synthetic:
        'Demo data: the storefronts of {{towns}} are synthetic and do not show real locations; the rates are made up.',
      syntheticAll:
        'Demo data: the storefronts of all towns in this report are synthetic and do not show real locations; the rates are made up.',
    },
  },
};

i18n.addResourceBundle('de', 'translation', de, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
