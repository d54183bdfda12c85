/**
 * Concepts of the field — machine learning, security and privacy, systems and
 * hardware, language, vision — with the everyday words people use for them.
 * `terms` are how papers name a concept; each `cue` is a set of words that,
 * all present in a question in any order, describe it in lay terms
 * ("protecting photos from being used to train models" → unlearnable
 * examples). Cue words are compared by stem, so "photo", "photos" and
 * "trained", "training" meet; they are content words only (a stop word never
 * reaches the topic). Kept as data, with its own tests for recall and for
 * precision on topics no paper covers.
 */
export interface Concept {
  terms: readonly string[];
  cues: readonly (readonly string[])[];
}

export const CONCEPTS: readonly Concept[] = [
  // Machine learning
  {
    terms: ['federated learning', 'federated'],
    cues: [
      ['without', 'sharing', 'data'],
      ['without', 'centralizing', 'data'],
      ['data', 'never', 'leaves'],
      ['across', 'devices', 'train'],
      ['decentralized', 'training'],
      ['collaborative', 'training', 'private'],
      ['many', 'clients', 'train'],
    ],
  },
  {
    terms: ['parameter-efficient fine-tuning', 'low-rank adaptation', 'fine-tuning', 'adapter'],
    cues: [
      ['cheap', 'fine-tune'],
      ['cheaper', 'fine-tune'],
      ['efficient', 'fine-tune'],
      ['fine-tune', 'fewer', 'parameters'],
      ['fine-tune', 'less', 'memory'],
      ['adapt', 'big', 'model'],
      ['customize', 'language', 'model'],
    ],
  },
  {
    terms: ['pruning', 'quantization', 'compression', 'sparse'],
    cues: [
      ['smaller', 'models'],
      ['smaller', 'networks'],
      ['smaller', 'nets'],
      ['shrink', 'network'],
      ['shrink', 'model'],
      ['compress', 'model'],
      ['compress', 'network'],
      ['fewer', 'weights'],
      ['remove', 'weights'],
      ['lower', 'precision'],
      ['fewer', 'bits'],
    ],
  },
  {
    terms: ['efficient inference', 'inference', 'latency', 'grouped-query attention', 'kv cache'],
    cues: [
      ['inference', 'cheaper'],
      ['inference', 'faster'],
      ['faster', 'generation'],
      ['speed', 'models'],
      ['reduce', 'latency'],
      ['serve', 'cheaper'],
      ['run', 'faster'],
      ['llm', 'faster'],
      ['llm', 'fast'],
      ['llms', 'faster'],
      ['less', 'memory', 'inference'],
    ],
  },
  {
    terms: ['dropout', 'regularization', 'overfitting', 'generalization'],
    cues: [
      ['stop', 'overfitting'],
      ['prevent', 'overfitting'],
      ['avoid', 'overfitting'],
      ['reduce', 'overfitting'],
      ['generalize', 'better'],
      ['memorizing', 'training', 'data'],
    ],
  },
  {
    terms: ['neural architecture search', 'architecture search'],
    cues: [
      ['automatically', 'design', 'networks'],
      ['automatically', 'design', 'architectures'],
      ['find', 'best', 'architecture'],
      ['automated', 'network', 'design'],
    ],
  },
  {
    terms: ['meta-learning', 'few-shot'],
    cues: [
      ['new', 'tasks', 'quickly'],
      ['adapt', 'new', 'tasks'],
    ],
  },
  {
    terms: ['reinforcement learning'],
    cues: [
      ['trial', 'error'],
      ['rewards', 'agent'],
      ['game', 'playing', 'agents'],
    ],
  },
  {
    terms: ['graph neural network'],
    cues: [
      ['graph', 'data'],
      ['nodes', 'edges'],
    ],
  },
  {
    terms: ['mixture of experts'],
    cues: [['experts', 'routing']],
  },
  {
    terms: ['agent', 'agentic'],
    cues: [
      ['autonomous', 'assistant'],
      ['ai', 'assistants'],
      ['tool', 'use', 'llm'],
      ['browse', 'web'],
      ['browsing', 'web'],
      ['search', 'internet'],
      ['web', 'search', 'llm'],
    ],
  },
  {
    terms: ['multimodal', 'vision-language'],
    cues: [
      ['images', 'text'],
      ['pictures', 'text'],
      ['image', 'captions'],
    ],
  },
  {
    terms: ['large language model', 'language model'],
    cues: [['chatgpt'], ['chatbots'], ['gpt'], ['big', 'language', 'models']],
  },
  // Security and privacy
  {
    terms: ['backdoor', 'trojan', 'trigger'],
    cues: [
      ['hidden', 'triggers'],
      ['secret', 'trigger'],
      ['planted', 'trigger'],
      ['hidden', 'behavior'],
      ['hidden', 'behaviour'],
      ['sleeper', 'agent'],
      ['trojaned', 'models'],
    ],
  },
  {
    terms: ['poisoning', 'data poisoning'],
    cues: [
      ['tampered', 'training', 'data'],
      ['corrupt', 'training', 'data'],
      ['malicious', 'training', 'data'],
      ['poisoned', 'data'],
    ],
  },
  {
    terms: ['unlearnable example', 'availability poisoning', 'unlearnable'],
    cues: [
      ['protect', 'images', 'training'],
      ['protect', 'photos', 'training'],
      ['protecting', 'data', 'training'],
      ['stop', 'photos', 'train'],
      ['stop', 'images', 'train'],
      ['photos', 'used', 'train'],
      ['images', 'used', 'train'],
      ['data', 'used', 'train', 'without', 'permission'],
      ['prevent', 'scraping'],
      ['unusable', 'training'],
    ],
  },
  {
    terms: ['adversarial example', 'adversarial attack', 'adversarial'],
    cues: [
      ['fool', 'model'],
      ['fool', 'classifier'],
      ['fool', 'network'],
      ['trick', 'model'],
      ['trick', 'classifier'],
      ['imperceptible', 'perturbation'],
      ['tiny', 'changes', 'images'],
    ],
  },
  {
    terms: ['robustness', 'adversarial training', 'defense'],
    cues: [
      ['harder', 'fool'],
      ['resist', 'attacks'],
      ['defend', 'attacks'],
    ],
  },
  {
    terms: ['privacy', 'membership inference', 'differential privacy'],
    cues: [
      ['leak', 'data'],
      ['leak', 'private'],
      ['private', 'information'],
    ],
  },
  // Systems and hardware
  {
    terms: ['FPGA', 'hardware accelerator', 'accelerator'],
    cues: [
      ['custom', 'chip'],
      ['custom', 'hardware'],
      ['reconfigurable', 'hardware'],
      ['run', 'chips'],
    ],
  },
  {
    terms: ['distributed training', 'parallel'],
    cues: [
      ['many', 'gpus'],
      ['multiple', 'machines'],
    ],
  },
  // Vision
  {
    terms: ['anomaly detection', 'industrial anomaly detection', 'defect detection'],
    cues: [
      ['defects'],
      ['defective'],
      ['faulty', 'parts'],
      ['factory'],
      ['manufacturing', 'quality'],
      ['quality', 'inspection'],
      ['unusual', 'images'],
    ],
  },
  {
    terms: ['image classification', 'convolutional neural network'],
    cues: [
      ['recognize', 'images'],
      ['classify', 'images'],
      ['classify', 'photos'],
      ['classify', 'pictures'],
    ],
  },
  {
    terms: ['3D', 'point cloud'],
    cues: [
      ['three', 'dimensional'],
      ['depth', 'sensors'],
    ],
  },
];
