/**
 * Phrases the field uses interchangeably. Each row is one meaning; a query
 * naming any phrase of a row searches for all of them. Kept small on purpose:
 * only pairs where an abbreviation or a near-synonym would otherwise miss
 * papers (LLMs vs "large language models", NAS vs "architecture search").
 */
export const SYNONYM_ROWS: ReadonlyArray<readonly string[]> = [
  ['backdoor', 'trojan'],
  ['llm', 'large language model'],
  ['nas', 'neural architecture search', 'network architecture search', 'architecture search'],
  ['gnn', 'graph neural network', 'graph neural net'],
  [
    'cnn',
    'convolutional neural network',
    'convolutional network',
    'convolutional net',
    'conv net',
    'convnet',
  ],
  ['neural network', 'neural net'],
  ['dnn', 'deep neural network'],
  ['lora', 'low-rank adaptation', 'low-rank adapter'],
  ['fl', 'federated learning'],
  ['rl', 'reinforcement learning'],
  ['vlm', 'vision-language model'],
  ['peft', 'parameter-efficient fine-tuning'],
  ['moe', 'mixture of experts', 'mixture-of-expert'],
  ['gqa', 'grouped-query attention', 'grouped query attention'],
  ['kv cache', 'key-value cache'],
  ['adversarial example', 'adversarial sample'],
  ['unlearnable example', 'availability poisoning'],
  // "LLM agents", "AI agents" are what the field now calls agents.
  ['agent', 'agentic', 'llm agent', 'llm-based agent', 'ai agent', 'language agent'],
  ['nlp', 'natural language processing'],
  ['sota', 'state-of-the-art'],
];
