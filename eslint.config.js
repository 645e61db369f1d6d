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

/** format/ is presentation shared by bot/ and jobs/, so it depends on no edge. */
const formatImports = {
  patterns: [
    {
      group: ['**/bot/**', '**/http/**', '**/jobs/**', '**/sandbox/**', '**/main.js', '**/main.ts'],
      message: 'format/ is shared by bot/ and jobs/: it imports nothing from the edges.',
    },
  ],
};

/** telegram/ (the outbound gateway) is infrastructure shared by bot/ and jobs/: it imports no edge. */
const telegramImports = {
  patterns: [
    {
      group: ['**/bot/**', '**/http/**', '**/jobs/**', '**/sandbox/**', '**/main.js', '**/main.ts'],
      message: 'telegram/ is shared by bot/ and jobs/: it imports nothing from the edges.',
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
    files: ['format/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', formatImports] },
  },
  {
    files: ['telegram/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', telegramImports] },
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
