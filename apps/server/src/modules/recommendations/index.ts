export {
  DEFAULT_RECOMMENDER_PARAMS,
  popularityBaseline,
  Recommender,
  type Purchase,
  type RecommenderParams,
  type RecommendOptions,
} from './recommender.model.ts';
export {
  scoreRankings,
  splitLastBasket,
  splitMembers,
  type HoldoutSplit,
  type RankingScores,
} from './holdout.evaluation.ts';
