// A missing number is NaN everywhere in the engine (typed arrays hold no null). NaN is the one value
// unequal to itself, so `x === x` is the cheapest presence test there is; isSet names it (V8 inlines
// it, so hot loops pay nothing).
// eslint-disable-next-line no-self-compare -- the one place the NaN test is spelled out
export const isSet = (x: number): boolean => x === x;
