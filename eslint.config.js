import tseslint from 'typescript-eslint';

// The rule that matters most here: a floating promise is an unaudited write waiting to be lost.
export default tseslint.config(
  { ignores: ['dist/**', 'console/dist/**', 'node_modules/**'] },
  {
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { project: './tsconfig.json' } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
