/** Example questions, shown by help in every adapter. */
export const EXAMPLE_QUESTIONS = [
  'papers by Yiren Zhao in 2019',
  'latest on backdoors',
  'what is UEraser?',
  'how many papers in 2024?',
  'who does Tianrui Qin work with?',
  'papers with code about agents',
  'computer vision papers since 2022',
  'cite Flareon',
];

export const HELP_TEXT = [
  'Ask about the group’s publications in plain words. I understand:',
  '• people: “papers by Yiren Zhao”, “Shumailov”, “Zhao Yiren”',
  '• dates: “in 2023”, “since 2022”, “between 2019 and 2021”, “in March 2025”, “last year”, “recent”',
  '• topics: “backdoors”, “federated learning”, method names like “MORA”',
  '• order: “latest”, “oldest”, “top 3”',
  '• shapes: “what is …?”, “how many …?”, “who does … work with?”, “cite …”',
  '• filters: “with code”, “computer vision papers”, “cs.CR”',
  '• qualifiers: author:"Yiren Zhao" year:2019..2021 cat:cs.LG has:code',
  '',
  'Try:',
  ...EXAMPLE_QUESTIONS.map((question) => `  ${question}`),
].join('\n');
