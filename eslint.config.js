// @ts-check
import tseslint from 'typescript-eslint';

const edgeImports = {
  patterns: [
    {
      group: ['**/bot/**', '**/http/**', '**/jobs/**', '**/sandbox/**', '**/main.js', '**/main.ts'],
      message:
        'models/ is the domain layer: it imports nothing from the edges (bot/, http/, jobs/, sandbox/).',
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
    files: ['models/**/*.ts', 'bot/**/*.ts', 'jobs/**/*.ts', 'http/**/*.ts'],
    ignores: ['models/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', processEnv, ...directTime] },
  },
  {
    files: ['models/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', edgeImports] },
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
