// @ts-check
import tseslint from 'typescript-eslint';

const edgeImports = {
  patterns: [
    {
      group: [
        '**/bot/**',
        '**/http/**',
        '**/jobs/**',
        '**/sandbox/**',
        '**/format/**',
        '**/telegram/**',
        '**/messages/**',
        '**/main.js',
        '**/main.ts',
      ],
      message:
        'models/ is the domain layer: it imports nothing from the edges (bot/, http/, jobs/, sandbox/, telegram/) nor their presentation (format/, messages/).',
    },
  ],
};

/**
 * Admin cards are opened by the outbox's admin-cards consumer (messages/admin-cards-on-events.ts):
 * a use-case appends a domain event instead. Outside models/admin/ only an admin's own decision
 * touches a card (decideAdminCard). models/intake/parked.ts is exempt: parked updates are the
 * intake's infrastructure, not a domain change (docs/admin.md).
 */
const cardOpeners = {
  group: ['**/admin/cards.js'],
  allowImportNames: ['decideAdminCard', 'AdminActor'],
  message:
    'Append a domain event; the admin-cards consumer opens the card (docs/events.md). models/ outside models/admin/ only decides cards.',
};

const edges = [
  '**/bot/**',
  '**/http/**',
  '**/jobs/**',
  '**/sandbox/**',
  '**/main.js',
  '**/main.ts',
];

/**
 * format/ (presentation), telegram/ (the outbound gateway) and messages/ (what is said to people
 * other than the current user, admin cards) are shared by bot/ and jobs/: they import no edge.
 */
const sharedLayerImports = (folder) => ({
  patterns: [
    {
      group: edges,
      message: `${folder}/ is shared by bot/ and jobs/: it imports nothing from the edges (bot/, http/, jobs/, sandbox/, main).`,
    },
  ],
});

/** jobs/ run without the bot (docs/events.md): what they say is composed in messages/. */
const jobsImports = {
  patterns: [
    {
      group: edges.filter((edge) => edge !== '**/jobs/**' && edge !== '**/http/**'),
      message:
        'jobs/ imports nothing from bot/ or sandbox/: compose messages in messages/, reach Telegram through telegram/.',
    },
  ],
};

/** Domain time comes from the injected Clock (DESIGN §10), never from the system directly. */
const directTime = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Read time from the injected Clock (deps.clock.now()), not Date.now().',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read time from the injected Clock (deps.clock.now()), not new Date().',
  },
];

/**
 * A stateful table's status is written only by its transition module (docs/decisions.md): a
 * `status` in the object given to `.update(<table>).set(…)`, or raw SQL `set status`, elsewhere is
 * refused. Not seen: an object built beforehand (`.set(values)`, spreads), a table imported under
 * another name, raw SQL assigning status after another column (`set a = …, status = …`).
 */
const stateTables = 'channels|orders|payments|payouts|placements|slots';
const statusWrites = [
  {
    selector: `CallExpression[callee.property.name='set'][callee.object.callee.property.name='update'][callee.object.arguments.0.name=/^(${stateTables})$/] :matches(Property[key.name='status'], Property[key.value='status'])`,
    message:
      'Change a status through its transition module (transitionOrder, transitionChannel, transitionPlacement, transitionPayment, transitionPayout, transitionSlot).',
  },
  {
    selector: 'TemplateElement[value.raw=/\\bset\\s+status\\b/i]',
    message: 'Raw SQL writes a status only inside a transition module (e.g. transitionSlotsSql).',
  },
];

/** The modules that own a table's status (models/<domain>/transition-<entity>.ts). */
const transitionModules = [
  'models/orders/transition-order.ts',
  'models/channels/transition-channel.ts',
  'models/placements/transition-placement.ts',
  'models/payments/transition-payment.ts',
  'models/payouts/transition-payout.ts',
  'models/slots/transition-slot.ts',
];

const processEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Only config.ts reads process.env.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'coverage/**',
      'models/migrations/**',
      'test/fixtures/**',
      'sandbox/public/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', processEnv],
    },
  },
  {
    files: [
      'models/**/*.ts',
      'bot/**/*.ts',
      'jobs/**/*.ts',
      'http/**/*.ts',
      'format/**/*.ts',
      'telegram/**/*.ts',
    ],
    ignores: ['models/clock.ts', ...transitionModules],
    rules: { 'no-restricted-syntax': ['error', processEnv, ...directTime, ...statusWrites] },
  },
  {
    files: transitionModules,
    rules: { 'no-restricted-syntax': ['error', processEnv, ...directTime] },
  },
  {
    files: ['messages/**/*.ts', 'sandbox/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', processEnv, ...statusWrites] },
  },
  {
    files: ['models/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', edgeImports] },
  },
  {
    files: ['models/**/*.ts'],
    ignores: ['models/admin/**', 'models/intake/parked.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...edgeImports.patterns, cardOpeners] }],
    },
  },
  ...['format', 'telegram', 'messages'].map((folder) => ({
    files: [`${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', sharedLayerImports(folder)] },
  })),
  {
    files: ['jobs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', jobsImports] },
  },
  {
    files: [
      'config.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      '*.config.ts',
      '*.config.js',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
