// The plant's vocabulary, data only: the crew, the location tree, the kinds of equipment with the words
// that describe them, the measures, and the maintenance catalogue (types, frequencies, procedures,
// routines, failure codes). The writers (plant-writers.ts, maintenance-writers.ts) turn it into rows.

interface CrewMember {
  name: string;
  craft: string;
  hourlyCost: number;
}

export const CREW: CrewMember[] = [
  { name: 'José Antonio Martínez', craft: 'Mecánico', hourlyCost: 15.5 },
  { name: 'María Fernanda López', craft: 'Instrumentista', hourlyCost: 19 },
  { name: 'Carlos Eduardo Hernández', craft: 'Electricista', hourlyCost: 17 },
  { name: 'Luis Alberto Mejía', craft: 'Mecánico', hourlyCost: 14.75 },
  { name: 'Ana Lucía Zelaya', craft: 'Electricista', hourlyCost: 16.5 },
  { name: 'Jorge Luis Castillo', craft: 'Soldador', hourlyCost: 14 },
  { name: 'Óscar René Flores', craft: 'Mecánico', hourlyCost: 16 },
  { name: 'Wilmer Josué Reyes', craft: 'Lubricador', hourlyCost: 9.5 },
  { name: 'Kevin Alexander Rodríguez', craft: 'Electricista', hourlyCost: 15 },
  { name: 'Marvin Orlando Sánchez', craft: 'Mecánico', hourlyCost: 15 },
  { name: 'Yessenia Paola Cruz', craft: 'Instrumentista', hourlyCost: 20.5 },
  { name: 'Héctor Manuel Aguilar', craft: 'Soldador', hourlyCost: 15.25 },
  { name: 'Francisco Javier Pineda', craft: 'Mecánico', hourlyCost: 17.5 },
  { name: 'Nelson Ariel Banegas', craft: 'Técnico en refrigeración', hourlyCost: 16.75 },
  { name: 'Dania Marisol Ordóñez', craft: 'Instrumentista', hourlyCost: 18.25 },
  { name: 'Roberto Carlos Maradiaga', craft: 'Electricista', hourlyCost: 18 },
  { name: 'Elvin Mauricio Cáceres', craft: 'Lubricador', hourlyCost: 10 },
  { name: 'Julio César Andino', craft: 'Mecánico', hourlyCost: 14.5 },
  { name: 'Denis Fernando Matute', craft: 'Ayudante de mantenimiento', hourlyCost: 8 },
  { name: 'Karla Patricia Girón', craft: 'Instrumentista', hourlyCost: 22 },
  { name: 'Edwin Rolando Velásquez', craft: 'Electricista', hourlyCost: 16 },
  { name: 'Mario Enrique Paz', craft: 'Mecánico', hourlyCost: 18.5 },
  { name: 'Allan David Turcios', craft: 'Soldador', hourlyCost: 13.5 },
  { name: 'Gerson Iván Molina', craft: 'Ayudante de mantenimiento', hourlyCost: 8.5 },
  { name: 'Sandra Elizabeth Rivera', craft: 'Electricista', hourlyCost: 24.5 },
  { name: 'Víctor Hugo Ramírez', craft: 'Mecánico', hourlyCost: 21 },
  { name: 'Fredy Armando Bonilla', craft: 'Técnico en refrigeración', hourlyCost: 17.25 },
  { name: 'Lester Omar Funes', craft: 'Lubricador', hourlyCost: 9 },
  { name: 'Ángel Gabriel Medina', craft: 'Instrumentista', hourlyCost: 19.5 },
  { name: 'Cristian Noé Escobar', craft: 'Mecánico', hourlyCost: 15.75 },
];

export const PLANT = { code: 'PL01', name: 'Planta Térmica San Pedro' };

interface Area {
  code: string;
  name: string;
  systems: string[];
  /** Category codes that make up most of the area's equipment. */
  categories: string[];
}

export const AREAS: Area[] = [
  {
    code: 'GEN',
    name: 'Generación',
    systems: ['Unidad generadora 1', 'Unidad generadora 2', 'Unidad generadora 3', 'Unidad generadora 4', 'Sistema de excitación', 'Sistema de lubricación'],
    categories: ['TUR', 'GEN', 'MOT', 'BOM-CEN', 'INT', 'TAB', 'TRP', 'VFD'],
  },
  {
    code: 'CAL',
    name: 'Calderas',
    systems: ['Caldera 1', 'Caldera 2', 'Quemadores', 'Tiro forzado', 'Tiro inducido', 'Agua de alimentación'],
    categories: ['CLD', 'QUE', 'VEN', 'VAL-SEG', 'VAL-CTL', 'BOM-CEN', 'TRP', 'MOT'],
  },
  {
    code: 'BOM',
    name: 'Sala de bombas',
    systems: ['Bombas de alimentación', 'Bombas de condensado', 'Agua de circulación', 'Agua de servicio', 'Sistema contra incendios', 'Drenajes'],
    categories: ['BOM-CEN', 'MOT', 'VAL-CTL', 'VFD', 'TRP', 'FIL'],
  },
  {
    code: 'SUB',
    name: 'Subestación',
    systems: ['Patio de 138 kV', 'Transformadores de potencia', 'Celdas de media tensión', 'Servicios auxiliares', 'Banco de baterías', 'Protección y medición'],
    categories: ['TRF', 'INT-POT', 'SEC', 'TAB', 'BAT', 'REL'],
  },
  {
    code: 'TRA',
    name: 'Tratamiento de agua',
    systems: ['Pretratamiento', 'Ósmosis inversa', 'Desmineralización', 'Dosificación química', 'Tanques de almacenamiento', 'Laboratorio'],
    categories: ['BOM-DOS', 'BOM-CEN', 'FIL', 'TAN', 'ANA', 'VAL-CTL', 'MOT'],
  },
  {
    code: 'COM',
    name: 'Combustibles',
    systems: ['Recepción de búnker', 'Tanques de búnker', 'Separadoras centrífugas', 'Calentamiento de combustible', 'Diésel de arranque', 'Trasiego'],
    categories: ['TAN', 'BOM-CEN', 'SEP', 'INT', 'FIL', 'VAL-CTL', 'TRP'],
  },
  {
    code: 'ENF',
    name: 'Enfriamiento',
    systems: ['Torre de enfriamiento 1', 'Torre de enfriamiento 2', 'Radiadores', 'Agua de enfriamiento', 'Chillers', 'Aire acondicionado'],
    categories: ['VEN', 'MOT', 'RED', 'BOM-CEN', 'INT', 'COMP'],
  },
  {
    code: 'TAL',
    name: 'Talleres',
    systems: ['Taller mecánico', 'Taller eléctrico', 'Taller de instrumentación', 'Aire comprimido', 'Grúas y polipastos', 'Bodega de repuestos'],
    categories: ['COMP', 'SEC-AIR', 'GRU', 'TAB', 'MOT', 'FIL'],
  },
];

// Where an asset sits inside a system; a system has the first 6 to 10 of these.
export const POSITIONS = [
  'Skid principal',
  'Skid auxiliar',
  'Lado accionamiento',
  'Lado libre',
  'Nivel 0 m',
  'Nivel +4 m',
  'Bancada norte',
  'Bancada sur',
  'Cuarto de control local',
  'Pasarela superior',
];

type MeasureCode = 'TEMP' | 'PRES' | 'VIB' | 'HOR';

interface Measure {
  code: MeasureCode;
  variable: string;
  unit: string;
  min: number | null;
  max: number | null;
  isMeter: boolean;
}

export const MEASURES: Measure[] = [
  { code: 'TEMP', variable: 'Temperatura', unit: '°C', min: 10, max: 85, isMeter: false },
  { code: 'PRES', variable: 'Presión', unit: 'bar', min: 2, max: 16, isMeter: false },
  { code: 'VIB', variable: 'Vibración', unit: 'mm/s', min: 0, max: 7.1, isMeter: false },
  { code: 'HOR', variable: 'Horas de marcha', unit: 'h', min: 0, max: null, isMeter: true },
];

interface Category {
  code: string;
  name: string;
  qualifiers: string[];
  manufacturers: string[];
  modelPrefix: string;
  measures: MeasureCode[];
  routines: string[];
  /** Failure problems (FAILURES codes) this kind of equipment suffers. */
  problems: string[];
}

export const CATEGORIES: Category[] = [
  {
    code: 'BOM-CEN', name: 'Bomba centrífuga', modelPrefix: 'CP',
    qualifiers: ['de alimentación', 'de condensado', 'de circulación', 'de agua de servicio', 'de trasiego', 'de drenaje'],
    manufacturers: ['KSB', 'Flowserve', 'Sulzer', 'Goulds Pumps', 'Grundfos'],
    measures: ['VIB', 'PRES', 'HOR'], routines: ['R-LUB-MEN', 'R-VIB-MEN', 'R-INS-MEN', 'R-LUB-500'],
    problems: ['FUG', 'VIB', 'TMP', 'RUI', 'PRE', 'ARR'],
  },
  {
    code: 'BOM-DOS', name: 'Bomba dosificadora', modelPrefix: 'DM',
    qualifiers: ['de hipoclorito', 'de antiincrustante', 'de soda cáustica', 'de ácido sulfúrico'],
    manufacturers: ['Milton Roy', 'ProMinent', 'Pulsafeeder'],
    measures: ['PRES', 'HOR'], routines: ['R-INS-MEN', 'R-CAL-SEM'],
    problems: ['FUG', 'PRE', 'ARR', 'LEC'],
  },
  {
    code: 'MOT', name: 'Motor eléctrico', modelPrefix: 'W',
    qualifiers: ['de bomba', 'de ventilador', 'de compresor', 'de agitador', 'de transportador'],
    manufacturers: ['WEG', 'Siemens', 'ABB', 'Baldor'],
    measures: ['VIB', 'TEMP', 'HOR'], routines: ['R-LUB-MEN', 'R-TER-TRI', 'R-VIB-MEN', 'R-LUB-500'],
    problems: ['VIB', 'TMP', 'ARR', 'DIS', 'RUI'],
  },
  {
    code: 'TRF', name: 'Transformador', modelPrefix: 'TR',
    qualifiers: ['de potencia', 'de servicios auxiliares', 'de excitación', 'seco de alumbrado'],
    manufacturers: ['ABB', 'Siemens Energy', 'WEG', 'Hitachi Energy'],
    measures: ['TEMP'], routines: ['R-TRF-ANU', 'R-TER-TRI'],
    problems: ['TMP', 'DIS', 'FUG', 'LEC'],
  },
  {
    code: 'VAL-CTL', name: 'Válvula de control', modelPrefix: 'VC',
    qualifiers: ['de presión', 'de nivel', 'de flujo', 'de temperatura'],
    manufacturers: ['Fisher', 'Samson', 'Masoneilan'],
    measures: ['PRES'], routines: ['R-CAL-SEM', 'R-INS-MEN'],
    problems: ['FUG', 'LEC', 'RUI'],
  },
  {
    code: 'VAL-SEG', name: 'Válvula de seguridad', modelPrefix: 'PSV',
    qualifiers: ['de vapor', 'de línea de aire', 'de tanque', 'del domo'],
    manufacturers: ['Crosby', 'Farris', 'Leser'],
    measures: ['PRES'], routines: ['R-PSV-ANU'],
    problems: ['FUG', 'PRE'],
  },
  {
    code: 'COMP', name: 'Compresor', modelPrefix: 'GA',
    qualifiers: ['de aire de servicio', 'de aire de instrumentos', 'de aire de arranque', 'de refrigeración'],
    manufacturers: ['Atlas Copco', 'Ingersoll Rand', 'Kaeser'],
    measures: ['HOR', 'PRES', 'TEMP', 'VIB'], routines: ['R-CMP-250', 'R-VIB-MEN'],
    problems: ['VIB', 'TMP', 'ARR', 'FUG', 'PRE', 'RUI'],
  },
  {
    code: 'INT', name: 'Intercambiador de calor', modelPrefix: 'HX',
    qualifiers: ['de placas', 'de tubo y coraza', 'de aceite lubricante', 'de combustible'],
    manufacturers: ['Alfa Laval', 'Kelvion', 'SWEP'],
    measures: ['TEMP', 'PRES'], routines: ['R-LIM-SEM', 'R-INS-MEN'],
    problems: ['FUG', 'TMP', 'PRE'],
  },
  {
    code: 'VEN', name: 'Ventilador', modelPrefix: 'FN',
    qualifiers: ['de tiro forzado', 'de tiro inducido', 'de torre de enfriamiento', 'de extracción'],
    manufacturers: ['Howden', 'Twin City Fan', 'Soler & Palau'],
    measures: ['VIB', 'HOR'], routines: ['R-VIB-MEN', 'R-LUB-MEN', 'R-LUB-500'],
    problems: ['VIB', 'TMP', 'RUI', 'ARR'],
  },
  {
    code: 'TUR', name: 'Turbina de vapor', modelPrefix: 'ST',
    qualifiers: ['de condensación', 'de contrapresión', 'auxiliar'],
    manufacturers: ['Siemens Energy', 'GE Vernova', 'Mitsubishi Power'],
    measures: ['VIB', 'TEMP', 'HOR'], routines: ['R-VIB-MEN', 'R-INS-SEM', 'R-LUB-500'],
    problems: ['VIB', 'TMP', 'FUG', 'DIS', 'RUI'],
  },
  {
    code: 'CLD', name: 'Caldera', modelPrefix: 'BW',
    qualifiers: ['acuotubular', 'pirotubular', 'de recuperación'],
    manufacturers: ['Babcock & Wilcox', 'Cleaver-Brooks', 'Thermax'],
    measures: ['PRES', 'TEMP'], routines: ['R-CLD-ANU', 'R-INS-SEM'],
    problems: ['FUG', 'TMP', 'PRE', 'DIS'],
  },
  {
    code: 'TAB', name: 'Tablero eléctrico', modelPrefix: 'CCM',
    qualifiers: ['de distribución', 'de control de motores', 'de alumbrado', 'de servicios auxiliares'],
    manufacturers: ['Schneider Electric', 'Siemens', 'Eaton', 'ABB'],
    measures: ['TEMP'], routines: ['R-TAB-TRI', 'R-TER-TRI'],
    problems: ['TMP', 'DIS', 'ARR'],
  },
  {
    code: 'GEN', name: 'Generador síncrono', modelPrefix: 'SG',
    qualifiers: ['principal', 'de emergencia'],
    manufacturers: ['Siemens Energy', 'WEG', 'ABB'],
    measures: ['TEMP', 'VIB', 'HOR'], routines: ['R-TER-TRI', 'R-VIB-MEN', 'R-INS-SEM'],
    problems: ['VIB', 'TMP', 'DIS', 'RUI'],
  },
  {
    code: 'INT-POT', name: 'Interruptor de potencia', modelPrefix: 'LTB',
    qualifiers: ['de 138 kV', 'de 13.8 kV', 'de acople'],
    manufacturers: ['ABB', 'Siemens', 'Schneider Electric'],
    measures: ['TEMP'], routines: ['R-TER-TRI', 'R-TAB-TRI'],
    problems: ['DIS', 'TMP', 'ARR'],
  },
  {
    code: 'SEC', name: 'Seccionador', modelPrefix: 'SD',
    qualifiers: ['de línea', 'de barra', 'de puesta a tierra'],
    manufacturers: ['ABB', 'Siemens', 'Hapam'],
    measures: ['TEMP'], routines: ['R-TER-TRI'],
    problems: ['TMP', 'ARR'],
  },
  {
    code: 'BAT', name: 'Banco de baterías', modelPrefix: 'BB',
    qualifiers: ['de 125 VCC', 'de 48 VCC', 'de UPS'],
    manufacturers: ['EnerSys', 'Saft', 'Exide'],
    measures: ['TEMP'], routines: ['R-BAT-MEN'],
    problems: ['TMP', 'LEC', 'FUG'],
  },
  {
    code: 'REL', name: 'Relé de protección', modelPrefix: 'SEL',
    qualifiers: ['diferencial', 'de sobrecorriente', 'de distancia'],
    manufacturers: ['SEL', 'Siemens', 'GE Multilin'],
    measures: ['TEMP'], routines: ['R-CAL-SEM'],
    problems: ['DIS', 'LEC'],
  },
  {
    code: 'FIL', name: 'Filtro', modelPrefix: 'FL',
    qualifiers: ['de combustible', 'de aceite', 'de agua', 'de aire', 'autolimpiante'],
    manufacturers: ['Parker', 'Pall', 'Donaldson'],
    measures: ['PRES'], routines: ['R-FIL-TRI'],
    problems: ['PRE', 'FUG'],
  },
  {
    code: 'TAN', name: 'Tanque', modelPrefix: 'TK',
    qualifiers: ['de búnker', 'de diésel', 'de agua desmineralizada', 'de condensado', 'diario'],
    manufacturers: ['Metalúrgica Sampedrana', 'Tanques de Centroamérica'],
    measures: ['TEMP'], routines: ['R-INS-MEN'],
    problems: ['FUG', 'LEC'],
  },
  {
    code: 'SEP', name: 'Separadora centrífuga', modelPrefix: 'MOPX',
    qualifiers: ['de búnker', 'de aceite lubricante', 'de diésel'],
    manufacturers: ['Alfa Laval', 'GEA Westfalia'],
    measures: ['VIB', 'HOR', 'TEMP'], routines: ['R-LUB-500', 'R-VIB-MEN'],
    problems: ['VIB', 'FUG', 'TMP', 'ARR', 'RUI'],
  },
  {
    code: 'ANA', name: 'Analizador en línea', modelPrefix: 'AN',
    qualifiers: ['de pH', 'de conductividad', 'de oxígeno disuelto', 'de sílice'],
    manufacturers: ['Endress+Hauser', 'Hach', 'Yokogawa'],
    measures: ['TEMP'], routines: ['R-CAL-SEM'],
    problems: ['LEC'],
  },
  {
    code: 'TRP', name: 'Transmisor de presión', modelPrefix: 'PT',
    qualifiers: ['de descarga', 'de succión', 'diferencial', 'de vapor'],
    manufacturers: ['Rosemount', 'Endress+Hauser', 'Yokogawa'],
    measures: ['PRES'], routines: ['R-CAL-SEM'],
    problems: ['LEC', 'FUG'],
  },
  {
    code: 'VFD', name: 'Variador de frecuencia', modelPrefix: 'ACS',
    qualifiers: ['de bomba', 'de ventilador', 'de compresor'],
    manufacturers: ['ABB', 'Danfoss', 'Schneider Electric', 'WEG'],
    measures: ['TEMP', 'HOR'], routines: ['R-TER-TRI', 'R-TAB-TRI'],
    problems: ['DIS', 'TMP', 'ARR'],
  },
  {
    code: 'GRU', name: 'Grúa puente', modelPrefix: 'CXT',
    qualifiers: ['de 10 t', 'de 5 t', 'de sala de máquinas'],
    manufacturers: ['Konecranes', 'Demag'],
    measures: ['HOR'], routines: ['R-INS-MEN', 'R-LUB-MEN'],
    problems: ['ARR', 'RUI', 'DIS'],
  },
  {
    code: 'RED', name: 'Reductor de velocidad', modelPrefix: 'RX',
    qualifiers: ['de ventilador', 'de agitador', 'de transportador'],
    manufacturers: ['SEW-Eurodrive', 'Flender', 'Falk'],
    measures: ['VIB', 'TEMP', 'HOR'], routines: ['R-LUB-500', 'R-VIB-MEN'],
    problems: ['VIB', 'TMP', 'FUG', 'RUI'],
  },
  {
    code: 'QUE', name: 'Quemador', modelPrefix: 'QB',
    qualifiers: ['principal', 'piloto', 'de arranque'],
    manufacturers: ['Weishaupt', 'Riello', 'Oilon'],
    measures: ['TEMP', 'PRES'], routines: ['R-INS-SEM', 'R-CAL-SEM'],
    problems: ['ARR', 'TMP', 'DIS', 'PRE'],
  },
  {
    code: 'SEC-AIR', name: 'Secador de aire', modelPrefix: 'FD',
    qualifiers: ['refrigerativo', 'desecante'],
    manufacturers: ['Atlas Copco', 'Kaeser'],
    measures: ['PRES', 'TEMP'], routines: ['R-INS-MEN', 'R-FIL-TRI'],
    problems: ['PRE', 'TMP', 'FUG'],
  },
];

export const MAINTENANCE_TYPES: { code: string; name: string; parent: string | null }[] = [
  { code: 'PREV', name: 'Preventivo', parent: null },
  { code: 'CORR', name: 'Correctivo', parent: null },
  { code: 'PRED', name: 'Predictivo', parent: null },
  { code: 'PREV-LUB', name: 'Lubricación', parent: 'PREV' },
  { code: 'PREV-INS', name: 'Inspección', parent: 'PREV' },
  { code: 'PREV-CAL', name: 'Calibración', parent: 'PREV' },
  { code: 'PRED-TER', name: 'Termografía', parent: 'PRED' },
  { code: 'PRED-VIB', name: 'Vibraciones', parent: 'PRED' },
];

interface FrequencyDefinition {
  code: string;
  name: string;
  calendarInterval: number | null;
  calendarUnit: 'DAY' | 'WEEK' | 'MONTH' | null;
  meterInterval: number | null;
  /** About how often it comes due in a year: weighs how many orders a schedule gets. */
  perYear: number;
}

export const FREQUENCIES: FrequencyDefinition[] = [
  { code: 'SEMANAL', name: 'Semanal', calendarInterval: 1, calendarUnit: 'WEEK', meterInterval: null, perYear: 52 },
  { code: 'MENSUAL', name: 'Mensual', calendarInterval: 1, calendarUnit: 'MONTH', meterInterval: null, perYear: 12 },
  { code: 'TRIMESTRAL', name: 'Trimestral', calendarInterval: 3, calendarUnit: 'MONTH', meterInterval: null, perYear: 4 },
  { code: 'SEMESTRAL', name: 'Semestral', calendarInterval: 6, calendarUnit: 'MONTH', meterInterval: null, perYear: 2 },
  { code: 'ANUAL', name: 'Anual', calendarInterval: 12, calendarUnit: 'MONTH', meterInterval: null, perYear: 1 },
  { code: '500H', name: 'Cada 500 h', calendarInterval: null, calendarUnit: null, meterInterval: 500, perYear: 12 },
  { code: 'MENSUAL-250H', name: 'Mensual o 250 h', calendarInterval: 1, calendarUnit: 'MONTH', meterInterval: 250, perYear: 14 },
];

interface Step {
  instruction: string;
  type: 'NUMBER' | 'BOOLEAN' | 'TEXT';
  unit?: string;
  min?: number;
  max?: number;
}

export const PROCEDURES: { code: string; name: string; description: string; steps: Step[] }[] = [
  {
    code: 'PROC-LUB', name: 'Lubricación de rodamientos', description: 'Engrase de rodamientos según la carta de lubricación del equipo.',
    steps: [
      { instruction: 'Verificar bloqueo y etiquetado (LOTO) cuando la carta lo exija', type: 'BOOLEAN' },
      { instruction: 'Limpiar graseras y purgar la grasa vieja', type: 'BOOLEAN' },
      { instruction: 'Cantidad de grasa aplicada', type: 'NUMBER', unit: 'g', min: 5, max: 60 },
      { instruction: 'Temperatura del rodamiento tras 30 min de operación', type: 'NUMBER', unit: '°C', min: 20, max: 80 },
      { instruction: 'Observaciones', type: 'TEXT' },
    ],
  },
  {
    code: 'PROC-ACE', name: 'Cambio de aceite por horas de marcha', description: 'Cambio de aceite y filtro con toma de muestra para análisis.',
    steps: [
      { instruction: 'Tomar muestra de aceite para análisis de laboratorio', type: 'BOOLEAN' },
      { instruction: 'Drenar el aceite usado al tanque de recolección', type: 'BOOLEAN' },
      { instruction: 'Reemplazar el filtro de aceite', type: 'BOOLEAN' },
      { instruction: 'Volumen de aceite nuevo', type: 'NUMBER', unit: 'L', min: 5, max: 400 },
      { instruction: 'Nivel correcto en la mirilla', type: 'BOOLEAN' },
      { instruction: 'Lectura del horómetro al terminar', type: 'NUMBER', unit: 'h', min: 0, max: 200000 },
    ],
  },
  {
    code: 'PROC-RON', name: 'Ronda de inspección operativa', description: 'Recorrido semanal con los sentidos: ruido, fugas, temperatura.',
    steps: [
      { instruction: 'Sin ruido anormal', type: 'BOOLEAN' },
      { instruction: 'Sin fugas visibles', type: 'BOOLEAN' },
      { instruction: 'Temperatura de carcasa', type: 'NUMBER', unit: '°C', min: 15, max: 90 },
    ],
  },
  {
    code: 'PROC-MEC', name: 'Inspección mecánica general', description: 'Revisión de anclajes, acoplamiento, alineación y guardas.',
    steps: [
      { instruction: 'Anclajes y pernos en buen estado', type: 'BOOLEAN' },
      { instruction: 'Acoplamiento sin desgaste', type: 'BOOLEAN' },
      { instruction: 'Desalineación radial medida', type: 'NUMBER', unit: 'mm', min: 0, max: 0.1 },
      { instruction: 'Guardas de seguridad completas', type: 'BOOLEAN' },
      { instruction: 'Hallazgos', type: 'TEXT' },
    ],
  },
  {
    code: 'PROC-TAB', name: 'Inspección de tableros eléctricos', description: 'Reapriete, limpieza y mediciones eléctricas del tablero.',
    steps: [
      { instruction: 'Reapriete de conexiones de potencia', type: 'BOOLEAN' },
      { instruction: 'Limpieza interna con aire seco', type: 'BOOLEAN' },
      { instruction: 'Tensión entre fases', type: 'NUMBER', unit: 'V', min: 440, max: 500 },
      { instruction: 'Corriente de la fase más cargada', type: 'NUMBER', unit: 'A', min: 0, max: 400 },
      { instruction: 'Resistencia de aislamiento', type: 'NUMBER', unit: 'MΩ', min: 100, max: 10000 },
      { instruction: 'Rotulación legible', type: 'BOOLEAN' },
      { instruction: 'Observaciones', type: 'TEXT' },
    ],
  },
  {
    code: 'PROC-CAL', name: 'Calibración de instrumento', description: 'Verificación a 0, 50 y 100 % del rango contra patrón certificado.',
    steps: [
      { instruction: 'Certificado del patrón vigente', type: 'BOOLEAN' },
      { instruction: 'Error al 0 % del rango', type: 'NUMBER', unit: '%', min: -0.5, max: 0.5 },
      { instruction: 'Error al 50 % del rango', type: 'NUMBER', unit: '%', min: -0.5, max: 0.5 },
      { instruction: 'Error al 100 % del rango', type: 'NUMBER', unit: '%', min: -0.5, max: 0.5 },
      { instruction: 'Se realizó ajuste', type: 'BOOLEAN' },
      { instruction: 'Observaciones', type: 'TEXT' },
    ],
  },
  {
    code: 'PROC-PSV', name: 'Prueba de válvula de seguridad', description: 'Prueba en banco de presión de disparo y hermeticidad.',
    steps: [
      { instruction: 'Presión de disparo', type: 'NUMBER', unit: 'bar', min: 9.5, max: 10.5 },
      { instruction: 'Presión de reasiento', type: 'NUMBER', unit: 'bar', min: 8.5, max: 10 },
      { instruction: 'Asiento hermético', type: 'BOOLEAN' },
      { instruction: 'Precinto colocado', type: 'BOOLEAN' },
    ],
  },
  {
    code: 'PROC-TER', name: 'Termografía', description: 'Inspección con cámara termográfica bajo carga normal.',
    steps: [
      { instruction: 'Temperatura máxima en conexiones', type: 'NUMBER', unit: '°C', min: 20, max: 70 },
      { instruction: 'Diferencia de temperatura entre fases', type: 'NUMBER', unit: '°C', min: 0, max: 10 },
      { instruction: 'Sin puntos calientes', type: 'BOOLEAN' },
      { instruction: 'Imagen térmica archivada', type: 'BOOLEAN' },
      { instruction: 'Diagnóstico', type: 'TEXT' },
    ],
  },
  {
    code: 'PROC-VIB', name: 'Medición de vibraciones', description: 'Medición de velocidad global y envolvente en ambos rodamientos.',
    steps: [
      { instruction: 'Velocidad global lado acople', type: 'NUMBER', unit: 'mm/s', min: 0, max: 7.1 },
      { instruction: 'Velocidad global lado libre', type: 'NUMBER', unit: 'mm/s', min: 0, max: 7.1 },
      { instruction: 'Envolvente de aceleración', type: 'NUMBER', unit: 'gE', min: 0, max: 2 },
      { instruction: 'Temperatura de rodamiento', type: 'NUMBER', unit: '°C', min: 20, max: 80 },
      { instruction: 'Diagnóstico', type: 'TEXT' },
    ],
  },
  {
    code: 'PROC-TRF', name: 'Mantenimiento anual de transformador', description: 'Pruebas de aceite y aislamiento con el transformador desenergizado.',
    steps: [
      { instruction: 'Rigidez dieléctrica del aceite', type: 'NUMBER', unit: 'kV', min: 30, max: 80 },
      { instruction: 'Resistencia de aislamiento AT-tierra', type: 'NUMBER', unit: 'MΩ', min: 1000, max: 100000 },
      { instruction: 'Relación de transformación dentro de tolerancia', type: 'BOOLEAN' },
      { instruction: 'Nivel de aceite correcto', type: 'BOOLEAN' },
      { instruction: 'Sílica gel en buen estado', type: 'BOOLEAN' },
      { instruction: 'Temperatura de devanado', type: 'NUMBER', unit: '°C', min: 20, max: 95 },
      { instruction: 'Limpieza de aisladores (bushings)', type: 'BOOLEAN' },
      { instruction: 'Observaciones', type: 'TEXT' },
    ],
  },
  {
    code: 'PROC-CMP', name: 'Servicio de compresor', description: 'Cambio de filtros y verificación de presión y temperatura de descarga.',
    steps: [
      { instruction: 'Cambio de filtro de aire', type: 'BOOLEAN' },
      { instruction: 'Cambio de filtro separador', type: 'BOOLEAN' },
      { instruction: 'Presión de descarga', type: 'NUMBER', unit: 'bar', min: 6, max: 10 },
      { instruction: 'Temperatura de descarga', type: 'NUMBER', unit: '°C', min: 60, max: 100 },
      { instruction: 'Drenajes automáticos operativos', type: 'BOOLEAN' },
    ],
  },
  {
    code: 'PROC-BAT', name: 'Revisión de banco de baterías', description: 'Tensión de flotación, densidad y estado de bornes.',
    steps: [
      { instruction: 'Tensión de flotación del banco', type: 'NUMBER', unit: 'V', min: 125, max: 140 },
      { instruction: 'Densidad del electrolito (celda piloto)', type: 'NUMBER', unit: 'g/cm³', min: 1.2, max: 1.3 },
      { instruction: 'Bornes limpios y ajustados', type: 'BOOLEAN' },
    ],
  },
  {
    code: 'PROC-CLD', name: 'Inspección interna de caldera', description: 'Inspección con la caldera fuera de servicio y ventilada.',
    steps: [
      { instruction: 'Espesor mínimo de tubos', type: 'NUMBER', unit: 'mm', min: 3, max: 6 },
      { instruction: 'Sin incrustaciones significativas', type: 'BOOLEAN' },
      { instruction: 'Refractario en buen estado', type: 'BOOLEAN' },
      { instruction: 'Observaciones', type: 'TEXT' },
    ],
  },
];

export const ROUTINES: { code: string; name: string; type: string; frequency: string; procedure: string | null; hours: number }[] = [
  { code: 'R-LUB-MEN', name: 'Lubricación de rodamientos', type: 'PREV-LUB', frequency: 'MENSUAL', procedure: 'PROC-LUB', hours: 1 },
  { code: 'R-LUB-500', name: 'Cambio de aceite por horas de marcha', type: 'PREV-LUB', frequency: '500H', procedure: 'PROC-ACE', hours: 2 },
  { code: 'R-INS-SEM', name: 'Ronda de inspección semanal', type: 'PREV-INS', frequency: 'SEMANAL', procedure: 'PROC-RON', hours: 0.5 },
  { code: 'R-INS-MEN', name: 'Inspección mecánica general', type: 'PREV-INS', frequency: 'MENSUAL', procedure: 'PROC-MEC', hours: 1.5 },
  { code: 'R-TAB-TRI', name: 'Inspección de tableros eléctricos', type: 'PREV-INS', frequency: 'TRIMESTRAL', procedure: 'PROC-TAB', hours: 2 },
  { code: 'R-CAL-SEM', name: 'Calibración de instrumentos', type: 'PREV-CAL', frequency: 'SEMESTRAL', procedure: 'PROC-CAL', hours: 1.5 },
  { code: 'R-PSV-ANU', name: 'Prueba de válvulas de seguridad', type: 'PREV-CAL', frequency: 'ANUAL', procedure: 'PROC-PSV', hours: 3 },
  { code: 'R-TER-TRI', name: 'Termografía de equipos eléctricos', type: 'PRED-TER', frequency: 'TRIMESTRAL', procedure: 'PROC-TER', hours: 1 },
  { code: 'R-VIB-MEN', name: 'Análisis de vibraciones', type: 'PRED-VIB', frequency: 'MENSUAL', procedure: 'PROC-VIB', hours: 1 },
  { code: 'R-TRF-ANU', name: 'Mantenimiento anual de transformador', type: 'PREV', frequency: 'ANUAL', procedure: 'PROC-TRF', hours: 8 },
  { code: 'R-CMP-250', name: 'Servicio de compresor', type: 'PREV', frequency: 'MENSUAL-250H', procedure: 'PROC-CMP', hours: 2.5 },
  { code: 'R-BAT-MEN', name: 'Revisión de banco de baterías', type: 'PREV-INS', frequency: 'MENSUAL', procedure: 'PROC-BAT', hours: 1 },
  { code: 'R-CLD-ANU', name: 'Inspección interna de caldera', type: 'PREV-INS', frequency: 'ANUAL', procedure: 'PROC-CLD', hours: 16 },
  { code: 'R-FIL-TRI', name: 'Cambio de elementos filtrantes', type: 'PREV', frequency: 'TRIMESTRAL', procedure: null, hours: 1 },
  { code: 'R-LIM-SEM', name: 'Limpieza de intercambiador', type: 'PREV', frequency: 'SEMESTRAL', procedure: null, hours: 4 },
];

// Problem > cause > remedy; a corrective order's description names its problem and its closure the three.
export const FAILURES: { code: string; problem: string; causes: { cause: string; remedies: [string, string] }[] }[] = [
  { code: 'FUG', problem: 'Fuga de fluido', causes: [
    { cause: 'Sello mecánico desgastado', remedies: ['Reemplazar sello mecánico', 'Ajustar prensaestopas'] },
    { cause: 'Empaque dañado', remedies: ['Reemplazar empaque', 'Reapretar bridas al torque'] },
  ] },
  { code: 'VIB', problem: 'Vibración excesiva', causes: [
    { cause: 'Desalineación', remedies: ['Alinear con láser', 'Corregir pata coja'] },
    { cause: 'Rodamiento dañado', remedies: ['Reemplazar rodamiento', 'Relubricar rodamiento'] },
  ] },
  { code: 'TMP', problem: 'Sobrecalentamiento', causes: [
    { cause: 'Lubricación deficiente', remedies: ['Cambiar lubricante', 'Restablecer lubricación'] },
    { cause: 'Ventilación obstruida', remedies: ['Limpiar ductos y aletas', 'Reemplazar ventilador de enfriamiento'] },
  ] },
  { code: 'ARR', problem: 'No arranca', causes: [
    { cause: 'Falla de alimentación eléctrica', remedies: ['Reemplazar fusibles', 'Reparar cableado de fuerza'] },
    { cause: 'Contactor defectuoso', remedies: ['Reemplazar contactor', 'Limpiar contactos'] },
  ] },
  { code: 'DIS', problem: 'Disparo de protección', causes: [
    { cause: 'Sobrecarga', remedies: ['Ajustar protección', 'Corregir condición de proceso'] },
    { cause: 'Falla a tierra', remedies: ['Reparar aislamiento', 'Reemplazar cable dañado'] },
  ] },
  { code: 'RUI', problem: 'Ruido anormal', causes: [
    { cause: 'Cavitación', remedies: ['Restablecer presión de succión', 'Limpiar filtro de succión'] },
    { cause: 'Pieza suelta', remedies: ['Reapretar pernos', 'Reemplazar pieza dañada'] },
  ] },
  { code: 'PRE', problem: 'Baja presión', causes: [
    { cause: 'Impulsor desgastado', remedies: ['Reemplazar impulsor', 'Ajustar holgura de anillos'] },
    { cause: 'Filtro obstruido', remedies: ['Limpiar filtro', 'Reemplazar elemento filtrante'] },
  ] },
  { code: 'LEC', problem: 'Lectura fuera de rango', causes: [
    { cause: 'Instrumento descalibrado', remedies: ['Calibrar instrumento', 'Reemplazar transmisor'] },
    { cause: 'Cableado de señal dañado', remedies: ['Reparar cableado de señal', 'Reemplazar conector'] },
  ] },
];
